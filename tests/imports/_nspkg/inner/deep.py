from .. import part
DEEP = "deep " + part.PART

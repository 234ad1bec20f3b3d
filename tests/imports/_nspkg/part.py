PART = "part of a namespace package"

from .. import sibling
from ..sibling import SIB
from . import other
from .other import OTHER as O2
from .. import PKG_VALUE
print("mod", __name__, __package__, sibling.__name__, SIB, other.OTHER, O2, PKG_VALUE)
value = "mod value"

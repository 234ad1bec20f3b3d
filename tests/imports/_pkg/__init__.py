print("_pkg init", __name__, __package__, [p.rsplit("/", 1)[-1] for p in __path__])
from . import sibling
from .sibling import SIB
__all__ = ["SIB", "lazy", "sibling"]
PKG_VALUE = "pkg"

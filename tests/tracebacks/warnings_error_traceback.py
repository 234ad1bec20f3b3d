# A warning turned into an error by the "error" filter, uncaught: the
# traceback ends at the warn() call (warnings.warn is C code in CPython).
import warnings


def deprecated_api():
    warnings.warn("old api", DeprecationWarning, stacklevel=2)


def caller():
    deprecated_api()


warnings.simplefilter("error")
caller()

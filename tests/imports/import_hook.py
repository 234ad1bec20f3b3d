# A replaced builtins.__import__ sees every import statement's arguments.
import builtins

original = builtins.__import__
seen = []


def my_import(name, globals=None, locals=None, fromlist=(), level=0):
    seen.append((name, fromlist, level, globals is not None and globals.get("__name__"), type(locals).__name__))
    return original(name, globals, locals, fromlist, level)


builtins.__import__ = my_import
import _helper
from _pkg import sibling
from _pkg.sub import other as o


def inside():
    import _pkg.lazy


inside()
builtins.__import__ = original
import _star_all
# CPython's importlib itself imports `_io` through the hook; only user imports are compared.
for entry in [s for s in seen if not str(s[3]).startswith("importlib")]:
    print(entry)
print(o.OTHER, _pkg_lazy if False else "ok")
del builtins.__import__
try:
    import _helper
except ImportError as e:
    print(type(e).__name__, e)
builtins.__import__ = original

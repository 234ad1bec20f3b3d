# Packages: `import a.b.c` binds `a`, submodules as attributes, relative imports.
import sys
import _pkg.sub.mod

print(_pkg.__name__, _pkg.sub.__name__, _pkg.sub.mod.value)
print(_pkg.__file__.rsplit("/", 2)[-2:], [p.rsplit("/", 1)[-1] for p in _pkg.sub.__path__])
print(_pkg.__spec__.parent, _pkg.sub.mod.__spec__.parent, _pkg.__package__, _pkg.sub.__package__)
print(_pkg.__spec__.submodule_search_locations == _pkg.__path__)
import _pkg.sub.mod as m
print(m is sys.modules["_pkg.sub.mod"], m.value)
from _pkg.sub import mod, other
print(mod is m, other.OTHER)
print("lazy" in dir(_pkg), "_pkg.lazy" in sys.modules)
from _pkg import lazy
print(lazy.LAZY, _pkg.lazy is lazy, "_pkg.lazy" in sys.modules)
r = __import__("_pkg.sub.other")
print(r.__name__)
r = __import__("_pkg.sub.other", fromlist=["OTHER"])
print(r.__name__)
r = __import__("other", globals={"__package__": "_pkg.sub"}, fromlist=["*"], level=1)
print(r.__name__)
r = __import__("sub", {"__name__": "_pkg.sibling"}, None, [], 1)
print(r.__name__)
r = __import__("", {"__name__": "_pkg", "__path__": []}, None, ["sibling"], 1)
print(r.__name__)
print(sorted(k for k in sys.modules if k.startswith("_pkg")))

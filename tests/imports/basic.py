# Importing a plain module: execution once, module attributes, sys.modules.
import sys
import _helper
import _helper as again

print(_helper.VALUE, _helper.where(), again is _helper)
print(_helper.__name__, _helper.__package__ == "", _helper.__file__.rsplit("/", 1)[-1])
print(_helper.__cached__.rsplit("/", 2)[-2:])
spec = _helper.__spec__
print(spec.name, spec.origin.rsplit("/", 1)[-1], repr(spec.parent), spec.submodule_search_locations, spec.has_location)
print(type(_helper.__builtins__).__name__, type(__builtins__).__name__)
print("_helper" in sys.modules, sys.modules["_helper"] is _helper)
print(type(_helper).__name__, repr(_helper).split(" from ")[0])
print(__name__, __spec__, __package__)
from _helper import VALUE, where as w
print(VALUE, w())

# A module removed from sys.modules runs again on the next import.
del sys.modules["_helper"]
import _helper as fresh
print(fresh is _helper, fresh.VALUE)

if __name__ == "__main__":
    print("running as main")

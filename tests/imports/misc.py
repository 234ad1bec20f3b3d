# sys.path, `import a.b as c`, modules replacing themselves in sys.modules.
import sys
print(sys.path[0] == __file__.rsplit("/", 1)[0])
print(sys.path[1:])
import _pkg.sub.other as o
print(o.OTHER, "o" in dir())
import _replacer
print(_replacer)
from _replacer import attr
print(attr)
print(type(sys.modules), isinstance(sys.path, list))

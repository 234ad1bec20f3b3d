# dir() of modules (their dict's keys, or a module-level __dir__), classes,
# instances, and objects with their own __dir__.
import sys
import types
import _mod_with_dir

m = types.ModuleType("m")
m.b = 1
m.a = 2
print(dir(m))
print(dir(_mod_with_dir))
print("path" in dir(sys), "argv" in dir(sys))
import keyword
print(dir(keyword), len(dir(keyword)) == len(keyword.__dict__))

class Meta(type):
    meta_attr = 1

class Base:
    base_attr = 1
    def base_method(self):
        pass

class C(Base, metaclass=Meta):
    __slots__ = ("s",)
    c_attr = 2

print([n for n in dir(C) if not n.startswith("__")], "meta_attr" in dir(C), "mro" in dir(C))
c = C()
c.s = 5
print([n for n in dir(c) if not n.startswith("__")])

class D:
    def __init__(self):
        self.z = 1
        self.a = 2
d = D()
print([n for n in dir(d) if not n.startswith("__")], dir(d) == sorted(dir(d)))
print(dir(D) == sorted(set(dir(D))), "__dict__" in dir(D), "__weakref__" in dir(d))

class Custom:
    def __dir__(self):
        return ["zeta", "alpha", "alpha"]
print(dir(Custom()))

class BadDir:
    def __dir__(self):
        return 5
try:
    dir(BadDir())
except TypeError as e:
    print("TypeError", e)

class DictDir:
    def __dir__(self):
        return {"b": 1, "a": 2}
print(dir(DictDir()))

def f():
    pass
f.custom = 1
print([n for n in dir(f) if not n.startswith("__")])
print(dir(1)[-5:], dir(int) == dir(5), dir(None)[:3])
print(dir(type)[:2], "__bases__" in dir(type), "mro" in dir(type), "__annotations__" in dir(type))
print(dir(object))
try:
    dir(1, 2)
except TypeError as e:
    print("TypeError", e)

def local_scope():
    x = 1
    y = 2
    return dir()
print(local_scope())

mm = types.ModuleType("mm")
mm.__dict__.clear()
print(dir(mm))
m2 = types.ModuleType("m2")
m2.__dir__ = lambda: ["q", "p"]
print(dir(m2))
m3 = types.ModuleType("m3")
m3.__dict__["__dir__"] = 5
try:
    dir(m3)
except TypeError as e:
    print("TypeError", e)

class WithMetaDir(type):
    def __dir__(cls):
        return ["from_meta"]
class UsesMeta(metaclass=WithMetaDir):
    x = 1
print(dir(UsesMeta), "x" in dir(UsesMeta()))

class ClassProp:
    @property
    def __class__(self):
        return int
print("bit_length" in dir(ClassProp()))

import abc
class Abstract(abc.ABC):
    @abc.abstractmethod
    def g(self): pass
    @abc.abstractmethod
    def f(self): pass
try:
    Abstract()
except TypeError as e:
    print(e)
print(sorted(Abstract.__abstractmethods__))
Abstract.__abstractmethods__ = frozenset()
print(type(Abstract()).__name__)
class Later:
    pass
Later.__abstractmethods__ = ["x"]
try:
    Later()
except TypeError as e:
    print(e)
del Later.__abstractmethods__
print(type(Later()).__name__)
for expr in ["int.__abstractmethods__", "type.__abstractmethods__", "Later.__abstractmethods__"]:
    try:
        eval(expr)
    except AttributeError as e:
        print("AttributeError", e)
try:
    del Later.__abstractmethods__
except AttributeError as e:
    print("AttributeError", e)

class Ann:
    x: int
    y: "str" = "s"
class AnnSub(Ann):
    pass
print(Ann.__annotations__, AnnSub.__annotations__, "__annotations__" in AnnSub.__dict__, Ann().__annotations__)
try:
    int.__annotations__
except AttributeError as e:
    print("AttributeError", e)
Ann.__annotations__ = 5
print(Ann.__annotations__)
del Ann.__annotations__
try:
    del Ann.__annotations__
except AttributeError as e:
    print("AttributeError", e)
try:
    int.__annotations__ = {}
except TypeError as e:
    print("TypeError", e)

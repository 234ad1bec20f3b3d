# Module objects as libraries use them: ModuleType subclasses, __class__ swapped to a
# subclass (module-level properties, importlib's LazyLoader), the module's own __doc__.
import importlib.util
import sys
import types
import weakref


class M(types.ModuleType):
    "subclass doc"

    @property
    def p(self):
        return "prop of " + self.__name__

    def meth(self):
        return "meth"


x = M("x")
print(type(x).__name__, x.__doc__, x.meth(), x.p, x.__dict__)
m = types.ModuleType.__new__(types.ModuleType)
print(m.__dict__)
for args in [(1,), (), ("a", "b", "c")]:
    try:
        types.ModuleType(*args)
    except TypeError as e:
        print("TypeError", e)
m = types.ModuleType("n", "d")
print(m.__doc__)
m.__init__("other")
print(m.__dict__, m.__doc__)
m.__doc__ = "set later"
print(m.__doc__, types.ModuleType("plain").__doc__)


class Lazy(types.ModuleType):
    def __getattr__(self, name):
        return name.upper()

    def __init__(self, name):
        super().__init__(name, "lazy doc")
        self.extra = 1


z = Lazy("z")
print(z.anything, z.extra, z.__doc__, sorted(z.__dict__))


class Strict(types.ModuleType):
    def __setattr__(self, k, v):
        raise AttributeError(f"read-only {k}")

    @property
    def computed(self):
        return len(self.__dict__)


me = sys.modules[__name__]
me.__class__ = Strict
try:
    me.q = 1
except AttributeError as e:
    print(e)
print(type(me).__name__, me.computed > 5)
try:
    object.__setattr__(me, "__class__", int)
except TypeError as e:
    print("TypeError", e)

spec = importlib.util.find_spec("_lazy_target")
loader = importlib.util.LazyLoader(spec.loader)
spec.loader = loader
module = importlib.util.module_from_spec(spec)
sys.modules["_lazy_target"] = module
loader.exec_module(module)
print("before access", type(module).__name__)
print(module.VALUE, module.f(), type(module).__name__)
r = weakref.ref(module)
print(r() is module, weakref.ref(x)() is x)

# __slots__, metaclasses, __init_subclass__, __class_getitem__.
class Slotted:
    __slots__ = ("x", "y")
    def __init__(self, x):
        self.x = x
s = Slotted(1)
print(s.x, hasattr(s, "y"), hasattr(s, "__dict__"), type(Slotted.x).__name__)
try:
    s.z = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    s.y
except AttributeError as e:
    print("AttributeError:", e)
s.y = 2
del s.x
print(s.y, hasattr(s, "x"))
class SlotChild(Slotted):
    pass
sc = SlotChild(5)
sc.extra = 1
print(sc.extra, sc.__dict__)
class Meta(type):
    registry = []
    def __new__(mcls, name, bases, ns, **kw):
        ns["created_by"] = mcls.__name__
        cls = super().__new__(mcls, name, bases, ns)
        Meta.registry.append(name)
        return cls
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        cls.kw = kw
    def __call__(cls, *a):
        inst = super().__call__(*a)
        inst.via_meta = True
        return inst
    def __repr__(cls):
        return f"<class {cls.__name__} via Meta>"
class WithMeta(metaclass=Meta, flag=1):
    def __init__(self, v=0):
        self.v = v
class Derived(WithMeta):
    pass
w = Derived(3)
print(Meta.registry, Derived.created_by, Derived.kw, WithMeta.kw, w.v, w.via_meta, Derived, type(Derived).__name__)
class Plugin:
    plugins = []
    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.plugins.append(cls.plugin_name)
class Alpha(Plugin, name="a"):
    pass
class Beta(Plugin):
    pass
print(Plugin.plugins, Alpha.plugin_name, Beta.plugin_name)
try:
    class Wrong(Plugin, unknown=1):
        pass
except TypeError as e:
    print("TypeError:", e)
class Box:
    def __class_getitem__(cls, item):
        return f"Box[{item.__name__ if isinstance(item, type) else item}]"
print(Box[int], Box["x"], list[int], dict[str, int], type(list[int]).__name__ if False else "")
Dyn = type("Dyn", (object,), {"hello": lambda self: "hi", "n": 1})
print(Dyn().hello(), Dyn.n, Dyn.__name__, Dyn.__bases__, type(Dyn) is type)
class Singleton(type):
    _inst = {}
    def __call__(cls, *a, **k):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a, **k)
        return cls._inst[cls]
class One(metaclass=Singleton):
    pass
print(One() is One(), isinstance(One, Singleton))
class Abstractish:
    def __init_subclass__(cls):
        if "run" not in cls.__dict__:
            raise TypeError(f"{cls.__name__} must define run")
try:
    class NoRun(Abstractish):
        pass
except TypeError as e:
    print("TypeError:", e)

import abc
class Registry:
    plugins = {}
    def __init_subclass__(cls, /, name=None, **kw):
        super().__init_subclass__(**kw)
        Registry.plugins[name or cls.__name__.lower()] = cls
class CsvPlugin(Registry, name="csv"): pass
class JsonPlugin(Registry): pass
print(Registry.plugins)
try:
    class Bad(Registry, color="red"): pass
except TypeError as e:
    print("TypeError", e)
class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name; self.owner = owner.__name__
    def __init__(self, kind): self.kind = kind
    def __get__(self, obj, objtype=None):
        if obj is None: return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.owner}.{self.name[1:]} must be {self.kind.__name__}, got {type(value).__name__}")
        setattr(obj, self.name, value)
class Person:
    name = Typed(str); age = Typed(int)
    def __init__(self, name, age): self.name, self.age = name, age
p = Person("Al", 30)
print(p.name, p.age, Person.name.name, vars(p))
try:
    p.age = "old"
except TypeError as e:
    print(e)
class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": 42}
    def __new__(mcs, name, bases, ns, **kw):
        ns["created_by"] = mcs.__name__
        return super().__new__(mcs, name, bases, ns)
    def __call__(cls, *a, **k):
        inst = super().__call__(*a, **k)
        inst.tag = "made"
        return inst
class WithMeta(metaclass=Meta, flag=True):
    def __init__(self, x=0): self.x = x
w = WithMeta(5)
print(WithMeta.injected, WithMeta.created_by, w.tag, w.x, type(WithMeta).__name__)
class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...
    @property
    @abc.abstractmethod
    def name(self): ...
class Sq(Shape):
    def area(self): return 4
for cls in (Shape, Sq):
    try:
        cls()
    except TypeError as e:
        print("TypeError", e)
class V:
    def __init__(self, *c): self.c = c
    def __add__(self, o):
        if isinstance(o, V): return V(*(a + b for a, b in zip(self.c, o.c)))
        if isinstance(o, (int, float)): return V(*(a + o for a in self.c))
        return NotImplemented
    __radd__ = __add__
    def __mul__(self, k): return V(*(a * k for a in self.c)) if isinstance(k, (int, float)) else NotImplemented
    def __rmul__(self, k): return self * k
    def __matmul__(self, o): return sum(a * b for a, b in zip(self.c, o.c))
    def __neg__(self): return self * -1
    def __abs__(self): return sum(a * a for a in self.c) ** 0.5
    def __bool__(self): return any(self.c)
    def __len__(self): return len(self.c)
    def __getitem__(self, i): return self.c[i]
    def __eq__(self, o): return isinstance(o, V) and self.c == o.c
    def __hash__(self): return hash(self.c)
    def __repr__(self): return f"V{self.c}"
    def __format__(self, spec): return "<" + ",".join(format(a, spec) for a in self.c) + ">"
    def __iter__(self): return iter(self.c)
a, b = V(1, 2), V(3, 4)
print(a + b, a + 1, 1 + a, 2 * a, a * 2.5, a @ b, -a, abs(b), bool(V(0, 0)), len(a), a[1], a[::-1], f"{b:06.2f}", sum([a, b], V(0, 0)), list(a), {a: 1}[V(1, 2)], max(a), sorted(b, reverse=True))
for op in [lambda: a + "x", lambda: "x" + a, lambda: a * a, lambda: a @ 3, lambda: a < b, lambda: a[5], lambda: V() or "falsy", lambda: divmod(a, 2), lambda: a ** 2, lambda: ~a]:
    try:
        print(op())
    except Exception as e:
        print(type(e).__name__, e)
class BadLen:
    def __len__(self): return -1
class BadBool:
    def __bool__(self): return 1
class BigLen:
    def __len__(self): return 2**70
for o in (BadLen(), BadBool(), BigLen()):
    for f in (len, bool):
        try:
            print(f(o))
        except Exception as e:
            print(type(e).__name__, e)
class Base:
    @classmethod
    def create(cls, *a): return cls(*a)
    def __init__(self, v=0): self.v = v
class Child(Base):
    @classmethod
    def create(cls, *a):
        obj = super().create(*a)
        obj.child = True
        return obj
c = Child.create(3)
print(type(c).__name__, c.v, c.child)
class Lazy:
    def __init__(self): self.loaded = {"a": 1}
    def __getattr__(self, name):
        if name.startswith("_"): raise AttributeError(name)
        return self.loaded.get(name, f"<missing {name}>")
lz = Lazy()
print(lz.a, lz.zzz, hasattr(lz, "_x"), getattr(lz, "_y", "dflt"))
try:
    class S1: __slots__ = ("a",); a = 1
except ValueError as e:
    print("ValueError", e)
try:
    class S2(int): __slots__ = ("x",)
except TypeError as e:
    print("TypeError", e)
class S3: __slots__ = ("a", "b")
s3 = S3()
try:
    s3.a
except AttributeError as e:
    print("AttributeError", e)
try:
    s3.c = 1
except AttributeError as e:
    print("AttributeError", e)

class Animal:
    kind = "animal"
    count = 0
    def __init__(self, name):
        self.name = name
        Animal.count += 1
    def speak(self):
        return f"{self.name} makes a sound"
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"
class Dog(Animal):
    kind = "dog"
    def speak(self):
        return super().speak() + " (woof)"
class Puppy(Dog):
    def speak(self):
        return "small " + super().speak()
a, d, p = Animal("generic"), Dog("rex"), Puppy("bit")
print(a.speak(), d.speak(), p.speak(), sep="\n")
print(a, d, p, Animal.count, p.kind, Puppy.__mro__, Puppy.__bases__, Puppy.__name__)
print(isinstance(p, Animal), isinstance(a, Dog), issubclass(Puppy, Animal), type(p) is Puppy)
class Vec:
    __slots_like__ = None
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __rmul__(self, k):
        return self * k
    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __lt__(self, o):
        return (self.x, self.y) < (o.x, o.y)
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __iter__(self):
        yield_list = [self.x, self.y]
        return iter(yield_list)
    def __bool__(self):
        return bool(self.x or self.y)
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
    def __str__(self):
        return f"<{self.x}, {self.y}>"
    def __contains__(self, v):
        return v in (self.x, self.y)
    def __call__(self, k):
        return self.x * k
v, w = Vec(1, 2), Vec(3, 4)
print(v + w, w - v, v * 3, 3 * v, -v, v == Vec(1, 2), v != w, v < w, sorted([w, v]))
print(len(v), v[0], list(v), bool(Vec(0, 0)), 2 in v, 5 in v, v(10), str(v), repr(v), {v: 1}[Vec(1, 2)])
print(max([w, v]), min(v, w), [x for x in w])
x = Vec(1, 1)
x += Vec(1, 1)
print(x)
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("too cold")
        self._c = v
    @staticmethod
    def info():
        return "static"
    @classmethod
    def make(cls, c):
        t = cls()
        t.celsius = c
        return t
t = Temp.make(25)
print(t.celsius, Temp.info(), t.info(), type(t).make(3).celsius)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError", e)
class Dyn:
    def __getattr__(self, name):
        return name.upper()
dy = Dyn()
dy.real = 1
print(dy.real, dy.missing, getattr(dy, "other"), hasattr(dy, "x"))
class Counter:
    def __init__(self):
        self.__dict__["log"] = []
    def __setattr__(self, k, v):
        self.log.append(k)
        object.__setattr__(self, k, v)
c = Counter()
c.a = 1
c.b = 2
print(c.log, c.a, c.__dict__)
class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["added"] = name.lower()
        return super().__new__(mcls, name, bases, ns)
class WithMeta(metaclass=Meta):
    pass
print(WithMeta.added, type(WithMeta), WithMeta.__class__.__name__)
class Base:
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
class Child(Base, tag="child"):
    pass
print(Child.tag)
class Desc:
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, owner=None):
        return f"desc {self.name} on {owner.__name__}"
class HasDesc:
    attr = Desc()
print(HasDesc().attr, HasDesc.attr)
class A:
    def who(self): return "A"
class B(A):
    def who(self): return "B" + super().who()
class C(A):
    def who(self): return "C" + super().who()
class D(B, C):
    def who(self): return "D" + super().who()
print(D().who(), [k.__name__ for k in D.__mro__])
o = object()
print(type(o).__name__, Temp.__qualname__, Temp.celsius.__class__.__name__, hasattr(o, "x"))
try:
    class Bad(B, A, C): pass
except TypeError as e:
    print("TypeError:", e)
try:
    object().x = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    int.x = 1
except TypeError as e:
    print("TypeError:", e)
class P:
    pass
P.dynamic = lambda self: "added later"
print(P().dynamic())
class Q(P):
    def __repr__(self): return "Q!"
print(Q(), [Q()], str(Q()))
Q.__repr__ = lambda self: "Q changed"
print(Q())
class MyInt(int):
    def double(self): return self * 2
mi = MyInt(21)
print(mi, mi.double(), mi + 1, type(mi + 1).__name__, isinstance(mi, int), repr(mi))
class MyList(list):
    def total(self): return sum(self)
ml = MyList([1, 2, 3])
ml.append(4)
print(ml, ml.total(), len(ml), type(ml).__name__)
class MyStr(str):
    pass
print(MyStr("abc").upper(), MyStr("x") + "y", type(MyStr("q")).__name__)
print(vars(Vec(5, 6)), Vec(5, 6).__dict__)
class Slotted:
    __slots__ = ("x", "y")
    def __init__(self):
        self.x = 1
s = Slotted()
print(s.x, Slotted.x, type(Slotted.x).__name__)
for action in (lambda: s.y, lambda: setattr(s, "z", 1), lambda: s.__dict__):
    try:
        action()
    except AttributeError as e:
        print("AttributeError:", e)
del s.x
try:
    del s.x
except AttributeError as e:
    print("AttributeError:", e)
class SlottedChild(Slotted):
    pass
sc = SlottedChild()
sc.z = 5
print(sc.__dict__, Slotted.__slots__)
try:
    class Conflict:
        __slots__ = ("a",)
        a = 1
except ValueError as e:
    print("ValueError:", e)

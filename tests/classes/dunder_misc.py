# __init__ vs __new__, __call__ on classes, __bool__ fallbacks, __index__, __int__/__float__, __round__, __hash__ of instances.
class Cached:
    _cache = {}
    def __new__(cls, key):
        if key in cls._cache:
            return cls._cache[key]
        inst = super().__new__(cls)
        cls._cache[key] = inst
        return inst
    def __init__(self, key):
        self.key = key
        self.inits = getattr(self, "inits", 0) + 1
a, b, c = Cached("x"), Cached("x"), Cached("y")
print(a is b, a is c, a.inits, c.inits)
class NotSelf:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never runs")
print(NotSelf())
class Num:
    def __init__(self, v):
        self.v = v
    def __int__(self):
        return int(self.v)
    def __float__(self):
        return float(self.v)
    def __index__(self):
        return int(self.v)
    def __round__(self, nd=None):
        return f"round({self.v}, {nd})"
    def __trunc__(self):
        return "trunc"
    def __abs__(self):
        return abs(self.v)
    def __neg__(self):
        return Num(-self.v)
    def __repr__(self):
        return f"Num({self.v})"
n = Num(3.7)
print(int(n), float(n), round(n), round(n, 1), abs(Num(-2)), -n, [0, 1, 2, 3][Num(2)], bin(Num(5)), hex(Num(255)))
print(range(Num(3)), "ab" * Num(2), [1] * Num(2), operator_like := 1)
class B1:
    pass
class B2:
    def __len__(self):
        return 0
class B3:
    __bool__ = None
print(bool(B1()), bool(B2()), "truthy" if B1() else "falsy")
try:
    bool(B3())
except TypeError as e:
    print("TypeError:", e)
class Obj:
    pass
o1, o2 = Obj(), Obj()
print(o1 == o1, o1 == o2, o1 != o2, hash(o1) == hash(o1), len({o1, o2, o1}))
class Vec:
    def __init__(self, x):
        self.x = x
    def __eq__(self, o):
        return isinstance(o, Vec) and self.x == o.x
    def __hash__(self):
        return hash(("Vec", self.x))
print(len({Vec(1), Vec(1), Vec(2)}), Vec(1) in [Vec(1)], [Vec(3)].index(Vec(3)), {Vec(5): "five"}[Vec(5)])
class Meta(type):
    def __call__(cls, *args):
        return f"intercepted {cls.__name__}{args}"
class Target(metaclass=Meta):
    pass
print(Target(1, 2))
class WithClassRepr(type):
    def __repr__(cls):
        return f"<<{cls.__name__}>>"
    def __len__(cls):
        return 7
    def __getitem__(cls, i):
        return i * 2
    def __iter__(cls):
        return iter("xyz")
class Fancy(metaclass=WithClassRepr):
    pass
print(Fancy, len(Fancy), Fancy[4], list(Fancy), [Fancy])

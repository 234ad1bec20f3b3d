# property, classmethod, staticmethod, custom descriptors, __set_name__.
class Temp:
    def __init__(self, c):
        self._c = c
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v
    @c.deleter
    def c(self):
        print("deleting")
        del self._c
    f = property(lambda self: self._c * 9 / 5 + 32, doc="fahrenheit")
t = Temp(100)
print(t.c, t.f, Temp.f.__doc__, type(Temp.c).__name__)
t.c = 0
print(t.c, t.f)
try:
    t.c = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.f = 1
except AttributeError as e:
    print("AttributeError:", e)
del t.c
print(hasattr(t, "_c"))
class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name
        print("set_name", owner.__name__, name)
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f"{self.name[1:]} must be int")
        setattr(obj, self.name, value)
class Point:
    x = Typed()
    y = Typed()
    def __init__(self, x, y):
        self.x, self.y = x, y
p = Point(1, 2)
print(p.x, p.y, type(Point.x).__name__, sorted(vars(p)))
try:
    p.x = "a"
except TypeError as e:
    print("TypeError:", e)
class NonData:
    def __get__(self, obj, typ=None):
        return "from descriptor"
class Holder:
    attr = NonData()
h = Holder()
print(h.attr)
h.attr = "instance wins"
print(h.attr, Holder.attr)
class Util:
    count = 0
    @staticmethod
    def add(a, b):
        return a + b
    @classmethod
    def bump(cls):
        cls.count += 1
        return cls.count
class Sub(Util):
    pass
print(Util.add(1, 2), Util().add(3, 4), Util.bump(), Sub.bump(), Sub.bump(), Util.count, Sub.count)
print(type(Util.__dict__["add"]).__name__, type(Util.__dict__["bump"]).__name__, Util.__dict__["add"].__func__.__name__)
class Lazy:
    @property
    def broken(self):
        raise AttributeError("inner missing")
    def __getattr__(self, name):
        return f"fallback {name}"
print(Lazy().broken, Lazy().other)

# Template-method patterns, NotImplementedError, class registries via __init_subclass__ and decorators.
class Shape:
    registry = {}
    def __init_subclass__(cls, /, kind=None, **kw):
        super().__init_subclass__(**kw)
        if kind:
            Shape.registry[kind] = cls
    def area(self):
        raise NotImplementedError(f"{type(self).__name__}.area")
    def describe(self):
        return f"{type(self).__name__} with area {self.area():.2f}"
    @classmethod
    def create(cls, kind, *args):
        return cls.registry[kind](*args)
class Circle(Shape, kind="circle"):
    def __init__(self, r):
        self.r = r
    def area(self):
        return 3.14159 * self.r ** 2
class Rect(Shape, kind="rect"):
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
class Square(Rect, kind="square"):
    def __init__(self, s):
        super().__init__(s, s)
class Blob(Shape):
    pass
shapes = [Shape.create("circle", 1), Shape.create("rect", 2, 3), Shape.create("square", 4)]
for s in shapes:
    print(s.describe())
print(sorted(Shape.registry), isinstance(shapes[2], Rect), Square.__mro__[1].__name__)
try:
    Blob().describe()
except NotImplementedError as e:
    print("NotImplementedError:", e)
try:
    Shape.create("hexagon")
except KeyError as e:
    print("KeyError:", e)
print(sum(s.area() for s in shapes), max(shapes, key=Shape.area).describe())
class Comparable:
    def _key(self):
        raise NotImplementedError
    def __eq__(self, o):
        return type(o) is type(self) and self._key() == o._key()
    def __lt__(self, o):
        return self._key() < o._key()
    def __le__(self, o):
        return self._key() <= o._key()
    def __hash__(self):
        return hash(self._key())
class Version(Comparable):
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def _key(self):
        return self.parts
    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))
vs = [Version(s) for s in ["1.10.0", "1.2.3", "1.2.10", "0.9", "1.2.3"]]
print(sorted(vs), len(set(vs)), Version("1.0") <= Version("1.0"), Version("2.0") > Version("1.9"), Version("1") == Version("1"))

# Attribute sites in a base class method that see instances of several
# subclasses (one polymorphic site), then a subclass that shadows the
# attribute with a property, a __getattr__/__getattribute__ override, an
# instance __dict__ replaced, and __slots__ sites whose slot is deleted or
# whose class gets a property after warm-up.


class Base:
    def __init__(self, v):
        self.v = v
        self.tag = type(self).__name__

    def read(self):
        return self.v, self.tag

    def bump(self):
        self.v = self.v + 1
        return self.describe()

    def describe(self):
        return "base"


class A(Base):
    def describe(self):
        return "A"


class B(Base):
    def __init__(self, v):
        self.extra = 1
        super().__init__(v)


class C(B):
    def describe(self):
        return "C" + str(self.extra)


objs = [Base(0), A(1), B(2), C(3)]
for i in range(400):
    for o in objs:
        o.read()
        o.bump()
print([o.read() for o in objs], [o.bump() for o in objs])


class Prop(Base):
    @property
    def v(self):
        return 1000

    @v.setter
    def v(self, value):
        self.__dict__["shadow"] = value


p = Prop(5)
print(p.read(), p.bump(), p.shadow)


class Lazy(Base):
    def __getattribute__(self, name):
        if name == "tag":
            return "intercepted"
        return object.__getattribute__(self, name)


print(Lazy(1).read(), Lazy(2).bump())


class Fallback(Base):
    def __init__(self):
        pass

    def __getattr__(self, name):
        return "fallback-" + name


print(Fallback().read())
f = Fallback()
f.v = 10
print(f.read(), f.bump())
o = A(7)
o.__dict__ = {"v": 100, "tag": "swapped"}
print(o.read(), o.bump())
a = A(1)
del a.v
try:
    a.read()
except AttributeError as e:
    print(type(e).__name__, e)
A.describe = lambda self: "A2"
Base.describe = lambda self: "base2"
print([o.bump() for o in objs])
B.read = lambda self: "B.read"
print([o.read() for o in objs])
a = A(1)
a.read = lambda: "instance read"
print(a.read(), A(2).read())


class S:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x

    def get(self):
        return self.x

    def set_y(self, v):
        self.y = v
        return self.y


for i in range(400):
    s = S(i)
    s.get()
    s.set_y(i)
s = S(1)
try:
    s.y
except AttributeError as e:
    print(type(e).__name__, e)
del s.x
try:
    s.get()
except AttributeError as e:
    print(type(e).__name__, e)


class T(S):
    __slots__ = ("z",)


print(T(5).get(), T(6).set_y(2))
t = T(2)
S.x = property(lambda self: "x replaced by a property")
print(t.get(), t.set_y(3))
try:
    S(1)
except AttributeError as e:
    print(type(e).__name__, e)


class Counter:
    count = 0

    def hit(self):
        return self.count


c = Counter()
for i in range(400):
    c.hit()
Counter.count = 5
print(c.hit())
c.count = 9
print(c.hit(), Counter().hit())

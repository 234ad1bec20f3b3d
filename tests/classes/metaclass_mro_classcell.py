# A metaclass's mro(), the __class__ cell during class creation, super()
# argument errors, read-only class attributes of __slots__ instances and
# comparison methods that cannot be bound.


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


class A:
    def f(self):
        return "A"


class B(A):
    pass


class C(A):
    def f(self):
        return "C"


class D(B, C):
    pass


print(D.mro(), D.__mro__)


class Reversed(type):
    def mro(cls):
        order = type.mro(cls)
        order.reverse()
        return order


class X(D, B, C, A, metaclass=Reversed):
    pass


print(X.__mro__)
print(X().f(), type(X()).__name__)


class InitSub:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)


class Y(InitSub, metaclass=Reversed):
    pass


for bad in ([1], 1, [object, dict]):

    class BadMeta(type):
        def mro(cls, bad=bad):
            return bad

    try:

        class Z(metaclass=BadMeta):
            pass

        print("created", Z.__mro__)
    except TypeError as e:
        print("TypeError", e)

seen = []


class Recorder(type):
    def mro(cls):
        cls.__dict__["probe"]()
        return super().mro()


class Probed(metaclass=Recorder):
    def probe():
        seen.append(__class__)


print(seen == [Probed])


class DropCell(type):
    def __new__(mcls, name, bases, ns):
        ns.pop("__classcell__", None)
        return super().__new__(mcls, name, bases, ns)


class Fine(metaclass=DropCell):
    pass


try:

    class NeedsCell(metaclass=DropCell):
        def f(self):
            return __class__

except RuntimeError as e:
    print("RuntimeError", e)


class BadCell(type):
    def __new__(mcls, name, bases, ns):
        ns["__classcell__"] = 0
        return super().__new__(mcls, name, bases, ns)


try:

    class UsesBadCell(metaclass=BadCell):
        def f(self):
            return __class__

except TypeError as e:
    print("TypeError", e)

show(lambda: super(1, 2, 3))
show(lambda: super(1))
show(lambda: super(int, x=1))
show(lambda: super(int, "s"))


class Slotted:
    y = 0
    __slots__ = ("z",)


s = Slotted()
show(lambda: s.x)
show(lambda: setattr(s, "x", 0))
show(lambda: setattr(s, "y", 0))
show(lambda: delattr(s, "y"))
show(lambda: delattr(s, "x"))
show(lambda: s.z)
show(lambda: delattr(s, "z"))
show(lambda: setattr(object(), "y", 1))
show(lambda: setattr(object(), "__class__", int))


def booh(self):
    raise AttributeError("booh")


class E:
    __eq__ = property(booh)
    __lt__ = property(booh)


show(lambda: E() == E())
show(lambda: E() != E())
show(lambda: E() < E())


class I:
    __init__ = property(booh)


show(lambda: I())


class BadIndex:
    def __index__(self):
        return None


for f in (bin, oct, hex):
    show(lambda: f(BadIndex()))
show(lambda: "abc"[BadIndex()])

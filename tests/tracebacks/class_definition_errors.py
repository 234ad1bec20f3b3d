# Errors while defining and instantiating classes: bad bases, MRO
# conflicts, metaclass conflicts, abstract classes, __init__ returning a
# value, __init_subclass__ failures, descriptors on the wrong type.
import abc


def show(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)


class A:
    pass


class B(A):
    pass


class Meta1(type):
    pass


class Meta2(type):
    pass


def bad_base():
    class C(5):
        pass


def mro_conflict():
    class C(A, B):
        pass


def duplicate_base():
    class C(A, A):
        pass


def meta_conflict():
    class X(metaclass=Meta1):
        pass

    class Y(metaclass=Meta2):
        pass

    class Z(X, Y):
        pass


def final_base():
    class C(bool):
        pass


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self):
        pass

    @abc.abstractmethod
    def perimeter(self):
        pass


class InitReturns:
    def __init__(self):
        return 5


class Strict:
    def __init_subclass__(cls, /, required, **kw):
        super().__init_subclass__(**kw)


def subclass_without_arg():
    class Child(Strict):
        pass


show(bad_base)
show(mro_conflict)
show(duplicate_base)
show(meta_conflict)
show(final_base)
show(Shape)
show(InitReturns)
show(subclass_without_arg)
show(lambda: list.append(5, 1))
show(lambda: str.upper(5))
show(lambda: object.__new__(int))
show(lambda: int.__new__(str))
show(lambda: type("X", (5,), {}))
show(lambda: type("X"))
show(lambda: type("X", (), {}, 1))
show(lambda: super(A, 5))
show(lambda: super().x)
show(lambda: type.__call__(5))
Shape()

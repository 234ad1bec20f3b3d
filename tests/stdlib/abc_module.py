import abc
from abc import ABC, ABCMeta, abstractmethod, abstractproperty
import collections.abc as cabc


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @property
    @abstractmethod
    def name(self):
        ...

    @classmethod
    @abstractmethod
    def unit(cls):
        ...


class Square(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s ** 2

    @property
    def name(self):
        return "square"

    @classmethod
    def unit(cls):
        return "m2"


class Half(Shape):
    def area(self):
        return 0


for cls in (Shape, Half):
    try:
        cls()
    except TypeError as e:
        print("TypeError:", e)

sq = Square(3)
print(sq.area(), sq.name, Square.unit(), sorted(Shape.__abstractmethods__), Square.__abstractmethods__)
print(isinstance(sq, Shape), issubclass(Square, Shape), type(Shape) is ABCMeta)


class Duck:
    def __len__(self):
        return 4

    def __iter__(self):
        return iter(range(4))

    def __contains__(self, x):
        return x in range(4)


print(isinstance(Duck(), cabc.Sized), isinstance(Duck(), cabc.Collection), isinstance(Duck(), cabc.Sequence))
print(issubclass(Duck, cabc.Iterable), issubclass(int, cabc.Hashable), issubclass(list, cabc.Hashable))


class Registered(ABC):
    pass


Registered.register(int)
print(isinstance(5, Registered), issubclass(bool, Registered), isinstance("x", Registered))
print(Registered.register(str) is str, isinstance("x", Registered))


@Registered.register
class Other:
    pass


print(issubclass(Other, Registered), abc.get_cache_token() is not None)


class Hooked(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Hooked:
            return hasattr(C, "quack") or NotImplemented
        return NotImplemented


class Q:
    def quack(self):
        pass


print(issubclass(Q, Hooked), issubclass(int, Hooked), isinstance(Q(), Hooked))


class Later(ABC):
    @abstractmethod
    def f(self):
        ...


class Impl(Later):
    def f(self):
        return 1


Impl.f = lambda self: 2
del Impl.f
print(abc.update_abstractmethods(Impl) is Impl, sorted(Impl.__abstractmethods__))
try:
    Impl()
except TypeError as e:
    print("TypeError:", e)

print(getattr(abstractmethod(lambda: 0), "__isabstractmethod__", None))
print(issubclass(dict, cabc.MutableMapping), issubclass(tuple, cabc.MutableSequence), issubclass(frozenset, cabc.Set))
try:
    Registered.register(5)
except TypeError as e:
    print("TypeError:", e)
print(sorted(n for n in dir(cabc) if not n.startswith("_"))[:10])

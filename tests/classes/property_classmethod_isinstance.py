# property, classmethod/staticmethod wrapping, unbound super and the abstract
# isinstance/issubclass protocol (__bases__ / __class__), as CPython 3.11.
import abc


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


class Outer:
    class Inner:
        x = property()
        y = property(lambda self: 1)

        @property
        def named(self):
            "named doc"
            return 2


o = Outer.Inner()
show(lambda: o.x)
show(lambda: setattr(o, "x", 1))
show(lambda: delattr(o, "x"))
show(lambda: setattr(o, "y", 1))
show(lambda: Outer.Inner.named.__doc__)
Outer.Inner.x.__set_name__(Outer.Inner, "renamed")
show(lambda: o.x)
show(lambda: Outer.Inner.x.__set_name__())
show(lambda: Outer.Inner.x.__set_name__(1, 2, 3))

p = property(doc="given")
p.__doc__ = "changed"
show(lambda: p.__doc__)
del p.__doc__
show(lambda: p.__doc__)
show(lambda: setattr(p, "fget", None))


def getter(self):
    "getter doc"
    return 1


def getter2(self):
    "second getter doc"
    return 2


q = property(getter)
show(lambda: q.__doc__)
show(lambda: q.getter(getter2).__doc__)
show(lambda: q.setter(None).fget is getter)
show(lambda: property(getter, doc="explicit").getter(getter2).__doc__)


class SubProp(property):
    "SubProp doc"


sp = SubProp(getter)
show(lambda: sp.__doc__)
show(lambda: sp.__dict__)
show(lambda: SubProp().__doc__)


class Abstract(abc.ABC):
    @property
    @abc.abstractmethod
    def value(self):
        pass


show(lambda: Abstract.value.__isabstractmethod__)
show(lambda: property(getter).__isabstractmethod__)
show(lambda: Abstract())
show(lambda: bool(Abstract.__flags__ & (1 << 20)))
show(lambda: bool(Outer.__flags__ & (1 << 9)))
show(lambda: bool(int.__flags__ & (1 << 9)))


def documented(cls, a: int):
    "documented doc"


cm = classmethod(documented)
show(lambda: (cm.__doc__, cm.__name__, cm.__qualname__, cm.__module__, cm.__annotations__))
cm.extra = 1
show(lambda: sorted(cm.__dict__))
sm = staticmethod(documented)
show(lambda: (sm.__doc__, sm.__name__))


class WithClassProperty:
    "First"

    @classmethod
    @property
    def __doc__(cls):
        return "doc for %s" % cls.__name__

    @classmethod
    @property
    def kind(cls):
        return cls.__name__.lower()


show(lambda: WithClassProperty.__doc__)
show(lambda: WithClassProperty.kind)
show(lambda: WithClassProperty().kind)


class A:
    def meth(self):
        return "A"


class B(A):
    def meth(self):
        return "B" + self.__super.meth()


B._B__super = super(B)
show(lambda: B().meth())


class MySuper(super):
    pass


class C(A):
    def meth(self):
        return "C" + self._sup.meth()


C._sup = MySuper(C)
show(lambda: C().meth())
show(lambda: type(C._sup).__name__)


class Proxy:
    def __init__(self, target):
        self.__target = target

    @property
    def __class__(self):
        return type(self.__target)

    def __getattr__(self, name):
        return getattr(self.__target, name)


class D(A):
    def meth(self):
        return "D"


show(lambda: isinstance(Proxy(D()), D))
show(lambda: isinstance(Proxy(D()), A))
show(lambda: isinstance(Proxy(D()), Proxy))
show(lambda: super(D, Proxy(D())).meth())


class AbstractClass:
    def __init__(self, bases):
        self.bases = bases

    @property
    def __bases__(self):
        return self.bases


class AbstractInstance:
    def __init__(self, klass):
        self.klass = klass

    @property
    def __class__(self):
        return self.klass


base = AbstractClass(())
child = AbstractClass((base,))
grandchild = AbstractClass((AbstractClass(()), child))
show(lambda: issubclass(child, base))
show(lambda: issubclass(grandchild, base))
show(lambda: issubclass(base, child))
show(lambda: isinstance(AbstractInstance(grandchild), base))
show(lambda: isinstance(AbstractInstance(base), child))
show(lambda: issubclass(1, int))
show(lambda: issubclass(int, 1))
show(lambda: isinstance(1, 1))
show(lambda: issubclass(child, (int, base)))


class BadBases:
    @property
    def __bases__(self):
        raise ValueError("no bases here")


show(lambda: issubclass(BadBases(), int))
show(lambda: isinstance(1, BadBases()))


class Cycle:
    @property
    def __bases__(self):
        return (self, self, self)


show(lambda: issubclass(Cycle(), int))
show(lambda: isinstance(2, list[int]))
show(lambda: isinstance(2, float | list[int] | int))
show(lambda: issubclass(int, list[int]))
show(lambda: isinstance(2, str | int))

nested = (int,)
for _ in range(2000):
    nested = (nested,)
show(lambda: isinstance(1, nested))
show(lambda: issubclass(int, nested))
show(lambda: setattr(cm, "__func__", None))
s = super(D, D())
show(lambda: (s.__thisclass__, s.__self_class__, type(s.__self__)))
show(lambda: (super(D).__self__, super(D).__self_class__))
show(lambda: setattr(s, "__thisclass__", None))

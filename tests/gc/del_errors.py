# Exceptions raised by __del__ are printed to stderr ("Exception ignored in:")
# and otherwise ignored, both on refcount death and in a collection.
import gc

gc.disable()


class Finalizer:
    """A callable class attribute used as __del__: its repr has no address."""

    def __repr__(self):
        return "<Finalizer>"

    def __call__(self):
        raise RuntimeError("boom in __del__")


class Bad:
    __del__ = Finalizer()


b = Bad()
del b
print("after refcount death")

b = Bad()
b.me = b
del b
print("collect:", gc.collect())
print("after collection")


class DelHook:
    """A descriptor used as __del__; it and what it binds to repr without an address."""

    def __repr__(self):
        return "<DelHook>"

    def __get__(self, obj, cls=None):
        return Bound(obj)


class Bound:
    def __init__(self, obj):
        self.obj = obj

    def __repr__(self):
        return "<DelHook>"

    def __call__(self):
        self.obj.finalize()


class Raises:
    __del__ = DelHook()

    def __init__(self, name):
        self.name = name

    def finalize(self):
        print("del", self.name)
        if self.name == "second":
            raise KeyError(self.name)


x = Raises("first")
y = Raises("second")
z = Raises("third")
x.n, y.n, z.n = y, z, x
del x, y, z
print("collect:", gc.collect())
w = Raises("second")
del w
print("end")

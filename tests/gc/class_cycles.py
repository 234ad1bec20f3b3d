# Classes refer to themselves (MRO, methods' globals through the module,
# __dict__ descriptors), so a class that is no longer used is freed by the
# collector, not by reference counting; instances keep their class alive.
import gc
import _weakref

gc.disable()
gc.collect()


def make_class(name):
    class K:
        def method(self):
            return name

        def __del__(self):
            print("instance of", name, "finalized")

    K.__name__ = name
    return K


K = make_class("First")
wk = _weakref.ref(K, lambda r: print("class weakref callback"))
del K
print("class alive before collect:", wk() is not None)
n = gc.collect()
print("collected something:", n > 0, "class alive:", wk() is not None)

# A live instance keeps its class.
K2 = make_class("Second")
inst = K2()
wk2 = _weakref.ref(K2)
del K2
gc.collect()
print("class kept by instance:", wk2() is not None, wk2().__name__, inst.method())
del inst
print("class alive after instance died:", wk2() is not None)
gc.collect()
print("class alive after collect:", wk2() is not None)


# Subclass hierarchies.
class Base:
    pass


def make_sub(i):
    return type(f"Sub{i}", (Base,), {"i": i})


refs = [_weakref.ref(make_sub(i)) for i in range(5)]
print("subclasses seen:", len(Base.__subclasses__()) >= 0)
gc.collect()
print("subclasses freed:", [r() is None for r in refs], Base.__subclasses__())


# A class whose instance refers back to the class through a class attribute.
class Registry:
    instances = []

    def __init__(self):
        Registry.instances.append(self)


Registry()
Registry()
wr = _weakref.ref(Registry)
del Registry
print("registry collected:", gc.collect() > 0, wr() is None)

# PEP 442: a finalizer may resurrect its object; it is not freed, its
# __del__ is not called again, and gc.is_finalized reports it.
import gc

gc.disable()
gc.collect()

saved = []


class Phoenix:
    def __init__(self, name):
        self.name = name
        self.me = self

    def __del__(self):
        print("del", self.name)
        saved.append(self)


p = Phoenix("p1")
print("finalized before:", gc.is_finalized(p))
del p
print("first collect:", gc.collect())
print("saved:", [s.name for s in saved])
print("finalized after:", gc.is_finalized(saved[0]))
print("tracked:", gc.is_tracked(saved[0]))
saved.clear()
print("second collect:", gc.collect())  # no second __del__


# Resurrection through a global reference to a partner object.
keep = None


class A:
    def __del__(self):
        global keep
        print("A.__del__ resurrects partner")
        keep = self.partner


class B:
    def __del__(self):
        print("B.__del__")


a = A()
b = B()
a.partner = b
b.partner = a
del a, b
print("collect:", gc.collect())
print("keep is B:", type(keep).__name__, "partner:", type(keep.partner).__name__)
keep = None
print("collect again:", gc.collect())


# __del__ on plain refcount death runs once even if resurrected then freed.
class Once:
    count = 0

    def __del__(self):
        Once.count += 1
        Once.last = self


o = Once()
del o
print("count:", Once.count)
del Once.last
print("count after second death:", Once.count)

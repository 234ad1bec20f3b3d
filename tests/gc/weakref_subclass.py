# Subclassing ref, the __weakref__ attribute, and __slots__ rules.
import gc
import _weakref

gc.disable()


class Target:
    pass


class KeyedRef(_weakref.ref):
    __slots__ = ("key",)

    def __new__(cls, ob, callback, key):
        self = _weakref.ref.__new__(cls, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)


t = Target()
removed = []
kr = KeyedRef(t, lambda r: removed.append(r.key), "k1")
print(type(kr).__name__, isinstance(kr, _weakref.ref), kr.key, kr() is t)
print("basic ref differs:", _weakref.ref(t) is not kr)
print("__weakref__ is first ref:", t.__weakref__ is _weakref.getweakrefs(t)[0])
print("count:", _weakref.getweakrefcount(t))
del t
print("removed:", removed, kr())


class WithExtra(_weakref.ref):
    def __init__(self, ob, note):
        super().__init__(ob)
        self.note = note


t2 = Target()
w = WithExtra(t2, "hello")
print(w.note, w() is t2, w.__callback__)
del w, t2

# __weakref__ attribute
t3 = Target()
print("no refs:", t3.__weakref__)
r3 = _weakref.ref(t3)
print("with ref:", t3.__weakref__ is r3)
print("in class dict:", "__weakref__" in Target.__dict__, "__dict__" in Target.__dict__)


class Slotted:
    __slots__ = ("a",)


class SlottedWeak:
    __slots__ = ("a", "__weakref__")


class SubOfSlotted(Slotted):
    pass


for cls in (Slotted, SlottedWeak, SubOfSlotted):
    try:
        obj = cls()
        r = _weakref.ref(obj)
        print(cls.__name__, "weakrefable", r() is obj)
    except TypeError as e:
        print(cls.__name__, type(e).__name__, e)
print("__weakref__ in SlottedWeak:", "__weakref__" in SlottedWeak.__dict__, "__weakref__" in Slotted.__dict__)


class MyInt(int):
    pass


class MyList(list):
    pass


class MyStr(str):
    pass


for v in (MyInt(3), MyList(), MyStr("s")):
    try:
        print(type(v).__name__, _weakref.ref(v)() is v)
    except TypeError as e:
        print(type(v).__name__, type(e).__name__, e)

# _remove_dead_weakref removes only dead entries.
a, b = Target(), Target()
d = {"a": _weakref.ref(a), "b": _weakref.ref(b)}
del a
_weakref._remove_dead_weakref(d, "a")
_weakref._remove_dead_weakref(d, "b")
_weakref._remove_dead_weakref(d, "missing")
print(sorted(d))
d["x"] = 1
try:
    _weakref._remove_dead_weakref(d, "x")
except TypeError as e:
    print(type(e).__name__, e)

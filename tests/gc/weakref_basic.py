# weakref.ref: calling, callbacks, reuse, hashing, equality, counting.
import gc
import _weakref as weakref  # Lib/weakref.py needs more of the stdlib; _weakref has all used here

gc.disable()


class Obj:
    def __init__(self, name):
        self.name = name

    def __eq__(self, other):
        return isinstance(other, Obj) and self.name == other.name

    def __hash__(self):
        return hash(self.name)


a = Obj("a")
r1 = weakref.ref(a)
r2 = weakref.ref(a)
print("basic ref reused:", r1 is r2, r1() is a)
print("count:", weakref.getweakrefcount(a), weakref.getweakrefcount(1))
print("type:", type(r1).__name__, type(r1) is weakref.ReferenceType, weakref.ref is weakref.ReferenceType)
print("callback attr:", r1.__callback__)

events = []


def cb(ref):
    events.append(("cb", ref is r3, ref() is None))
    print("callback called, referent:", ref())


r3 = weakref.ref(a, cb)
print("with callback is new:", r3 is not r1, r3.__callback__ is cb)
print("count:", weakref.getweakrefcount(a))
print("refs listed:", [r is r1 or r is r3 for r in weakref.getweakrefs(a)])
print("equal refs:", r1 == r3, r1 != r3, hash(r1) == hash(a))

b = Obj("a")
rb = weakref.ref(b)
print("eq by referent:", r1 == rb, rb == r1)
del a
print("after del:", r1(), r3(), events)
print("dead == itself:", r1 == r1, r1 == rb, r1 != rb)
print("hash kept after death:", hash(r1) == hash(b))
print("count of dead:", weakref.getweakrefcount(b))

c = Obj("c")
rc = weakref.ref(c)
del c
try:
    hash(rc)
except TypeError as e:
    print(type(e).__name__, e)

# Callbacks run in list order; the ref without callback sits first.
order = []
d = Obj("d")
w1 = weakref.ref(d, lambda r: order.append(1))
w2 = weakref.ref(d, lambda r: order.append(2))
w0 = weakref.ref(d)
print("list order:", [w is w0 for w in weakref.getweakrefs(d)])
del d
print("callback order:", order)

# A callback that raises is reported and ignored.
class Quiet:
    def __repr__(self):
        return "<Quiet callback>"

    def __call__(self, ref):
        raise ValueError("from callback")


e = Obj("e")
we = weakref.ref(e, Quiet())
del e
print("after failing callback")

# A weakref that dies before its referent never calls back.
f = Obj("f")
wf = weakref.ref(f, lambda r: print("never"))
del wf
del f
print("no callback")

for bad in (1, "s", (1,), [1], {}, None, 2.5, object()):
    try:
        weakref.ref(bad)
    except TypeError as e:
        print(type(e).__name__, e)

try:
    weakref.ref()
except TypeError as e:
    print(type(e).__name__, e)
try:
    r1(1)
except TypeError as e:
    print(type(e).__name__, e)

# Weak references to functions, classes, methods, sets, generators.
def fn():
    pass


targets = [fn, Obj, Obj("m").__eq__, {1}, frozenset(), (x for x in []), len, gc]
print([weakref.ref(t)() is t for t in targets])

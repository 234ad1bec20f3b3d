# Instance attribute storage: shared-key values (with insertion order kept
# when it differs from key order), materialized dicts, __slots__ values
# (with and without __dict__), and what the collector, weakrefs, __del__,
# copy/pickle and __class__ assignment see of them.
import copy
import gc
import pickle
import weakref


class A:
    pass


a = A()
a.z = 1
a.y = 2
a.x = 3
print(a.__dict__)
del a.y
print(a.__dict__)
a.y = 5
print(a.__dict__, vars(a))
a2 = A()
a2.x = 1          # key order of A is z, y, x: this instance inserts out of order
a2.z = 2
a2.y = 3
print(a2.__dict__, list(vars(a2)))
del a2.x
a2.x = 4
del a2.z
print(a2.__dict__)
try:
    del a2.z
except AttributeError as e:
    print("AttributeError", e)


class B:
    def __init__(self):
        self.a = 1
        self.b = 2
        self.c = 3


b = B()
b2 = B()
b2.c = 4
del b2.a
b2.a = 9
print(b.__dict__, b2.__dict__)
for i in range(40):            # beyond the shared keys' capacity
    setattr(b, "k%d" % i, i)
print(len(b.__dict__), b.k39, b.a, list(b.__dict__)[:5])
b3 = B()                       # later instances still work
b3.k0 = "zero"
print(b3.__dict__)
for i in range(300):
    o = B()
    o.extra = i
    o.a += i
print(o.__dict__)


class S:
    __slots__ = ("p", "q")


s = S()
s.p = 1
print(s.p, hasattr(s, "q"), hasattr(s, "__dict__"))
for op in ("set", "del"):
    try:
        if op == "set":
            s.r = 1
        else:
            del s.q
    except AttributeError as e:
        print("AttributeError", e)
s.q = [s]
del s.q
print(hasattr(s, "q"))


class SD(S):
    pass


sd = SD()
sd.p = 3
sd.q = 4
sd.r = 5
print(sd.p, sd.q, sd.__dict__)


class SW(S):
    __slots__ = ("r", "__weakref__")


sw = SW()
sw.r = 1
sw.p = 2
w = weakref.ref(sw)
print(w() is sw, sw.r, sw.p)
del sw
print(w())


class SlotsAndDict:
    __slots__ = ("u", "__dict__")


sad = SlotsAndDict()
sad.u = "u"
sad.v = "v"
print(sad.u, sad.__dict__)


class D:
    __slots__ = ("x",)

    def __del__(self):
        print("del", self.x)


d = D()
d.x = "hi"
del d


class Cyc:
    __slots__ = ("other", "__weakref__")


c1 = Cyc()
c2 = Cyc()
c1.other = c2
c2.other = c1
wr = weakref.ref(c1)
del c1, c2
gc.collect()
print(wr())


class ValCyc:
    pass


v1 = ValCyc()
v1.me = v1
v1.data = [v1]
wv = weakref.ref(v1)
del v1
gc.collect()
print(wv())


class P2:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = [1]
        self.b = {"x": 2}

    def __getstate__(self):
        return (self.a, self.b)

    def __setstate__(self, st):
        self.a, self.b = st


p = P2()
q = copy.deepcopy(p)
print(q.a, q.b, q.a is p.a)
r = pickle.loads(pickle.dumps(p))
print(r.a, r.b)
c = copy.copy(a2)
print(c.__dict__, c.__dict__ is a2.__dict__)


class E:
    pass


e = E()
e.m = 1
e.n = 2
e.__class__ = A
print(type(e).__name__, e.__dict__)
e.z = 0
print(e.__dict__)
try:
    s.__class__ = SD
except TypeError as ex:
    print("TypeError", ex)
try:
    sd.__class__ = S
except TypeError as ex:
    print("TypeError", ex)


class S2:
    __slots__ = ("p", "q")


s.__class__ = S2
print(type(s).__name__, s.p, hasattr(s, "q"))


class L(list):
    __slots__ = ("tag",)


lst = L([1, 2])
lst.tag = "t"
print(lst, lst.tag)


class Fin:
    def __del__(self):
        print("fin", self.v)


f = Fin()
f.v = 1
f.self = f
del f
gc.collect()
g = Fin()
g.v = 2
print(gc.is_finalized(g))
g.__del__()
del g


# Resurrection: __del__ runs once, also for classes without a __dict__.
keep = []


class Phoenix:
    __slots__ = ("name", "__weakref__")

    def __del__(self):
        print("phoenix del", self.name, gc.is_finalized(self))
        keep.append(self)


ph = Phoenix()
ph.name = "first"
print(gc.is_finalized(ph), gc.is_tracked(ph))
del ph
print(len(keep), gc.is_finalized(keep[0]))
keep.clear()
print("cleared")


class Empty:
    __slots__ = ()

    def __del__(self):
        print("empty del")


em = Empty()
print(gc.is_tracked(em), gc.is_finalized(em))
em2 = em
del em
del em2


class Cycle:
    def __del__(self):
        print("cycle del", sorted(self.__dict__))


cy = Cycle()
cy.me = cy
cy.more = [cy]
del cy
print("collected", gc.collect() > 0)

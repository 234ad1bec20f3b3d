# type.__bases__ assignment: checks, error messages, MRO recomputation for
# the class and its subclasses, and method caches seeing the change.

def attempt(label, f):
    try:
        r = f()
        print(label, "ok", r if r is not None else "")
    except Exception as e:
        print(label, type(e).__name__, e)


class A:
    def who(self):
        return "A"
    x = 1

class B:
    def who(self):
        return "B"
    x = 2

class Base1(A):
    pass

class Base2(B):
    pass

class C(Base1):
    pass

class D(C):
    def deep(self):
        return self.who() + "/D"

d = D()
# Warm up method and attribute caches (the specializer's guards).
for _ in range(50):
    d.who(); D.x; d.deep()
print([k.__name__ for k in D.__mro__])
print(d.who(), D.x, d.deep(), C.__base__.__name__)

C.__bases__ = (Base2,)
print([k.__name__ for k in C.__mro__])
print([k.__name__ for k in D.__mro__])
print(d.who(), D.x, d.deep(), C.__base__.__name__, C.__bases__)
print([k.__name__ for k in Base1.__subclasses__()], [k.__name__ for k in Base2.__subclasses__()])
print(isinstance(d, B), isinstance(d, A), issubclass(D, Base2), issubclass(D, Base1))
for _ in range(50):
    r = d.who()
print(r)

# Back again, and to two bases.
C.__bases__ = (Base1, Base2)
print([k.__name__ for k in D.__mro__], d.who(), D.x)
C.__bases__ = (Base2, Base1)
print([k.__name__ for k in D.__mro__], d.who(), D.x)

# Special methods follow the new bases.
class P1:
    def __len__(self):
        return 1
    def __repr__(self):
        return "P1-repr"
    def __add__(self, o):
        return "P1+"

class P2:
    def __len__(self):
        return 2
    def __repr__(self):
        return "P2-repr"

class Q(P1):
    pass

q = Q()
print(len(q), repr(q), q + 1)
Q.__bases__ = (P2,)
print(len(q), repr(q))
attempt("q+1", lambda: q + 1)

# Error cases.
class E1: pass
class E2: pass
class L(list): pass
class S:
    __slots__ = ("x",)
class S2:
    __slots__ = ("x",)
class S3:
    __slots__ = ("y",)
class SX(S):
    __slots__ = ("z",)
class Sub(E1): pass

def setb(cls, v):
    def f():
        cls.__bases__ = v
    return f

attempt("int", setb(E1, (int,)))
attempt("list", setb(E1, [E2]))
attempt("empty", setb(E1, ()))
attempt("L dict", setb(L, (dict,)))
attempt("L tuple", setb(L, (tuple,)))
attempt("L set", setb(L, (set,)))
attempt("E1 S", setb(E1, (S,)))
attempt("E1 E2", setb(E1, (E2,)))
attempt("builtin", setb(int, (object,)))
attempt("notclass", setb(E1, (1,)))
attempt("notclass2", setb(E1, (E2, "x")))
attempt("cycle", setb(E1, (Sub,)))
attempt("self", setb(E1, (E1,)))
attempt("dup", setb(Sub, (E1, E1)))
attempt("dupobj", setb(E1, (object, object)))
attempt("SX S2", setb(SX, (S2,)))
print(SX.__mro__[1].__name__)
attempt("SX S3", setb(SX, (S3,)))
attempt("exc", setb(E1, (Exception,)))
attempt("type", setb(E1, (type,)))
def delb():
    del E1.__bases__
attempt("del", delb)
attempt("L dict+list", setb(L, (dict, list)))
print([k.__name__ for k in Sub.__mro__], [k.__name__ for k in L.__mro__])

# Exceptions.
class MyErr(Exception): pass
attempt("ValueError", setb(MyErr, (ValueError,)))
try:
    raise MyErr("boom")
except ValueError as e:
    print("caught as ValueError:", e)
attempt("OSError", setb(MyErr, (OSError,)))
attempt("object", setb(MyErr, (object,)))
attempt("KeyError+IndexError", setb(MyErr, (KeyError, IndexError)))
print([k.__name__ for k in MyErr.__mro__])
try:
    raise MyErr("again")
except LookupError as e:
    print("caught as LookupError:", repr(e))

# Inconsistent MRO leaves everything unchanged.
class X: pass
class Y(X): pass
class Z(X): pass
class W(Y): pass
class V(W): pass
attempt("mro", setb(W, (X, Y)))
print([k.__name__ for k in W.__mro__], [k.__name__ for k in V.__mro__], W.__bases__)
attempt("mro ok", setb(W, (Y, Z)))
print([k.__name__ for k in V.__mro__], W.__base__.__name__)
print(sorted(k.__name__ for k in X.__subclasses__()), [k.__name__ for k in Z.__subclasses__()])

# Layout conflicts at class creation (solid bases).
def make(name, bases, ns=None):
    def f():
        return type(name, bases, dict(ns or {})).__mro__[1].__name__
    return f
class SA:
    __slots__ = ("a",)
class SB:
    __slots__ = ("b",)
class SAe(SA):
    __slots__ = ()
class SAd(SA):
    pass
class SAw(SA):
    __slots__ = ("__weakref__",)
class I1(int): pass
class I2(int): pass
class T1(tuple): pass
attempt("SA SB", make("M", (SA, SB)))
attempt("SAe SA", make("M", (SAe, SA)))
attempt("SAd SAw", make("M", (SAd, SAw)))
attempt("SAe SAd", make("M", (SAe, SAd)))
attempt("I1 I2", make("M", (I1, I2)))
attempt("I1 int", make("M", (I1, int)))
attempt("int str", make("M", (int, str)))
attempt("list dict", make("M", (list, dict)))
attempt("E ValueError", make("M", (Exception, ValueError)))
attempt("OSError ValueError", make("M", (OSError, ValueError)))
attempt("OSError AttributeError", make("M", (OSError, AttributeError)))
attempt("T1 tuple", make("M", (T1, tuple)))
attempt("bool", make("M", (bool,)))
attempt("notype", make("M", (1,)))
attempt("dict SA", make("M", (dict, SA)))
attempt("E1 SA", make("M", (E1, SA)))

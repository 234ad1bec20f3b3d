# object.__setattr__/__delattr__ refuse to skip a builtin type's own setattr
# (CPython's hackcheck, "Carlo Verre's hack"), and still work through Python classes.
for f in [lambda: object.__setattr__(str, "foo", 42), lambda: object.__delattr__(str, "lower"),
          lambda: object.__setattr__(1, "x", 1)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
class A:
    pass
a = A()
object.__setattr__(a, "x", 1); print(a.x)
class B(A):
    def __setattr__(self, k, v):
        object.__setattr__(self, k, v * 2)
b = B(); b.y = 2; print(b.y)
class M(type): pass
class C(metaclass=M): pass
type.__setattr__(C, "z", 3); print(C.z)
try:
    object.__setattr__(C, "z", 3)
except TypeError as e:
    print(e)
import types
m = types.ModuleType("m")
try:
    object.__setattr__(m, "q", 1); print(m.q)
except TypeError as e:
    print(e)
class D(dict): pass
d = D(); object.__setattr__(d, "k", 1); print(d.k)

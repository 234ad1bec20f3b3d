# mappingproxy: what C.__dict__ and types.MappingProxyType give.
import types

def attempt(label, f):
    try:
        r = f()
        print(label, "ok", r)
    except Exception as e:
        print(label, type(e).__name__, e)

class C:
    "doc"
    a = 1
    def m(self):
        return 2

d = C.__dict__
print(type(d).__name__, type(d) is types.MappingProxyType)
print(sorted(k for k in d if not k.startswith("__")), "a" in d, "zz" in d, d["a"], d.get("a"), d.get("zz", "dflt"))
print(len(d) == len(list(d)), isinstance(d.keys(), type({}.keys())), sorted(d.keys())[:3])
print([k for k, v in d.items() if k == "a"], 1 in list(d.values()))
attempt("setitem", lambda: d.__setitem__("b", 2))
def setit():
    d["b"] = 2
attempt("setitem2", setit)
def delit():
    del d["a"]
attempt("delitem", delit)
attempt("missing", lambda: d["nope"])
attempt("attr", lambda: setattr(d, "x", 1))
c = d.copy()
print(type(c).__name__, c["a"], c is not d)
C.b = 5
print("b" in d, d["b"])  # a live view

p = types.MappingProxyType({"x": 1, "y": 2})
print(p, repr(p), str(p), len(p), list(p), list(reversed(p)))
print(p | {"z": 3}, {"w": 0} | p, type(p | {}).__name__)
def ior():
    q = p
    q |= {"a": 1}
attempt("ior", ior)
attempt("or int", lambda: p | 1)
print(p == {"x": 1, "y": 2}, p != {"x": 1}, p.get("y"), p.get("q"), p.keys(), p.values(), p.items())
attempt("new list", lambda: types.MappingProxyType([1, 2]))
attempt("new int", lambda: types.MappingProxyType(5))
attempt("new none", lambda: types.MappingProxyType())
attempt("hash", lambda: hash(p))
print(types.MappingProxyType[int, str])
from collections import OrderedDict, UserDict
print(types.MappingProxyType(OrderedDict(a=1)), types.MappingProxyType(UserDict(b=2))["b"])
print(type(int.__dict__).__name__, int.__dict__["__add__"], "real" in int.__dict__)
print(type(vars(C)).__name__, vars(C)["a"])
for name in ["__module__", "__doc__", "__dict__", "__weakref__"]:
    print(name, name in C.__dict__)
attempt("iter", lambda: next(iter(p)))
print(sorted(p.items()), dict(p), list(p.copy().items()))

# The wording of refused deletions depends on the path CPython takes.
class Plain: pass
class WithGet:
    def __getitem__(self, k):
        return k
for o, k in [(5, 0), (Plain(), 0), (Plain(), "x"), ({1}, 0), ((1,), "x"), ((1,), 0), ("s", 0), (WithGet(), 1.5), (p, "x"), (p, 0)]:
    try:
        del o[k]
    except TypeError as e:
        print(e)

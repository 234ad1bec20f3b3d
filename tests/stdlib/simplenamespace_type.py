# types.SimpleNamespace is the type of sys.implementation.
import sys

SimpleNamespace = type(sys.implementation)
print(SimpleNamespace.__name__, SimpleNamespace.__module__, SimpleNamespace.__qualname__)
ns = SimpleNamespace(a=1, b="two")
print(ns, repr(ns), ns.a, ns.b)
ns.c = [3]
del ns.a
print(ns, vars(ns), ns.__dict__)
print(SimpleNamespace() == SimpleNamespace(), SimpleNamespace(x=1) == SimpleNamespace(x=1), SimpleNamespace(x=1) != SimpleNamespace(x=2))
print(SimpleNamespace(x=1) == {"x": 1})
try:
    SimpleNamespace(1, 2)
except TypeError as e:
    print("TypeError", e)
try:
    hash(SimpleNamespace())
except TypeError as e:
    print("TypeError", e)
try:
    ns.missing
except AttributeError as e:
    print("AttributeError", e)
rec = SimpleNamespace(x=1)
rec.self = rec
print(rec)
class Sub(SimpleNamespace):
    def total(self):
        return sum(vars(self).values())
s = Sub(p=1, q=2)
print(s, s.total(), isinstance(s, SimpleNamespace))
print(ns.__reduce__())
print(SimpleNamespace(**{"k": "v"}))

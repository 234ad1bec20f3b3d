# copy and object.__reduce_ex__/__getstate__: instances, __slots__, list and dict subclasses.
import copy
class P:
    def __init__(self, x):
        self.x = x
        self.items = [x, [x]]
class S:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 1
class L(list):
    pass
class D(dict):
    pass
p = P(3)
q = copy.deepcopy(p)
print(q.x, q.items, q.items is not p.items, copy.copy(p).items is p.items)
s = copy.deepcopy(S())
print(s.a, hasattr(s, "b"))
l = L([1, 2]); l.tag = "t"
print(copy.deepcopy(l), copy.deepcopy(l).tag, type(copy.copy(l)).__name__)
d = D(a=1)
print(copy.deepcopy(d), type(copy.deepcopy(d)).__name__)
print(P(1).__reduce_ex__(2)[0].__name__, P(1).__getstate__(), S().__getstate__())

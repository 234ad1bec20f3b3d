# deque: remove() when the comparison mutates the deque (IndexError) or
# fails; index/count/in under mutation (RuntimeError); __reduce__ state of
# subclasses with a __dict__ or __slots__, through copy and pickle.
import copy
import pickle
from collections import deque


class MutateCmp:
    def __init__(self, d, result):
        self.d = d
        self.result = result

    def __eq__(self, other):
        self.d.clear()
        return self.result


class BadCmp:
    def __eq__(self, other):
        raise RuntimeError("bad compare")


for match in (True, False):
    d = deque(["ab"])
    d.extend([MutateCmp(d, match), "c"])
    try:
        d.remove("c")
    except IndexError as e:
        print("IndexError", e, d)
for method in ("index", "count", "__contains__"):
    d = deque(["ab"])
    d.extend([MutateCmp(d, False), "c"])
    try:
        print(getattr(d, method)("c"))
    except RuntimeError as e:
        print(method, "RuntimeError", e)
d = deque(["a", "b", BadCmp(), "c"])
try:
    d.remove("c")
except RuntimeError as e:
    print("RuntimeError", e, len(d))
d = deque("abc")
d.remove("b")
try:
    d.remove("z")
except ValueError as e:
    print("ValueError", e, d)


class WithSlots(deque):
    __slots__ = ("x", "y")


class WithDict(deque):
    pass


for d in (deque([1, 2], 5), WithSlots([1, 2]), WithDict([3]), WithSlots()):
    if isinstance(d, WithSlots) and d:
        d.x = 10
    if isinstance(d, WithDict):
        d.z = "zed"
    r = d.__reduce__()
    print(r[0].__name__, r[1], r[2], list(r[3]))
    for dup in (copy.copy(d), copy.deepcopy(d), pickle.loads(pickle.dumps(d))):
        print(type(dup).__name__, list(dup), dup.maxlen, getattr(dup, "x", None), getattr(dup, "z", None))

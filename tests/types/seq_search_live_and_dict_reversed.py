# containers mutated or consulted while a method walks them
class Evil:
    def __init__(self, target, action): self.target, self.action = target, action
    def __eq__(self, other):
        self.action(self.target)
        return False
    __hash__ = object.__hash__
class Boom:
    def __eq__(self, other): raise ValueError("boom from __eq__")
    __hash__ = object.__hash__
lst = [1, 2, 3, 4, 5]
print(lst.index(3), lst.index(3, -3), lst.index(5, 2, 100), lst.count(1))
for args in [(3, 3), (3, 0, 2), (9,), (1, 10**30), (1, -10**30), (5, -1, -10**30)]:
    try:
        print(args, lst.index(*args))
    except ValueError as e:
        print(args, "ValueError", e)
for bad in [(1, "a"), (1, None), (1, 0, 1.5), (1, 0, None)]:
    for seq in (lst, tuple(lst)):
        try:
            seq.index(*bad)
        except TypeError as e:
            print(type(seq).__name__, bad, "TypeError", e)
for seq in ([Boom(), 1], (Boom(), 1)):
    for meth in ("index", "count", "remove", "__contains__"):
        try:
            print(getattr(seq, meth)(1))
        except (ValueError, AttributeError) as e:
            print(type(seq).__name__, meth, type(e).__name__, e)
l2 = [0, 1, 2, 3]
print(l2.index(Evil(l2, lambda t: t.clear()) if False else 3))
l3 = [10, 20, 30, 40]
e = Evil(l3, lambda t: t.pop())
try:
    print(l3.index(e))
except ValueError as ex:
    print("ValueError", str(ex).startswith("<__main__.Evil"), l3)
l4 = [1, 2, 3, 4, 5, 6]
print(l4.count(Evil(l4, lambda t: t.pop())), l4)
l5 = [1, 2, 3]
print(l5.count(Evil(l5, lambda t: t.append(0) if len(t) < 6 else None)), l5)
for s in ["hello", "abcabc"]:
    for args in [("l", "x"), ("l", 0, "y"), ("l", None, None), ("l", 1.0), ("a", True)]:
        for m in ("find", "rfind", "index", "count", "startswith", "endswith"):
            try:
                print(s, m, args, getattr(s, m)(*args))
            except (TypeError, ValueError) as e:
                print(s, m, args, type(e).__name__, e)
d = {"a": 1, "b": 2, "c": 3}
r = reversed(d)
print(type(r).__name__, type(reversed(d.values())).__name__, type(reversed(d.items())).__name__, type(reversed(d.keys())).__name__)
print(r.__length_hint__(), next(r), r.__length_hint__(), list(r), r.__length_hint__(), list(r))
print(list(reversed(d.items())), list(reversed(d.values())), list(reversed({})), list(reversed({}.items())))
r2 = reversed(d.values())
next(r2)
d["c"] = 33
print(list(r2))
r3 = reversed(d)
d["z"] = 0
try:
    next(r3)
except RuntimeError as e:
    print("RuntimeError", e)
try:
    next(r3)
except RuntimeError as e:
    print("RuntimeError again", e)
r4 = reversed(d)
del d["a"]; d["a"] = 1
print(list(r4))
dd = dict.fromkeys(range(10))
for k in list(dd)[:8]: del dd[k]
print(list(reversed(dd)), list(reversed(dd.items())))
import pickle, copy
r5 = reversed({"x": 1, "y": 2, "z": 3}.items())
next(r5)
print(r5.__reduce__()[1], list(pickle.loads(pickle.dumps(r5))), list(copy.copy(r5)))
rd = reversed(d.keys())
try:
    iter(rd) is rd and print("iter is self", sorted(x for x in dir(rd) if not x.startswith("_")))
except Exception as e:
    print(e)

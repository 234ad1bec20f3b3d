# Overriding builtin methods and how builtins call (or skip) them.
class LoudDict(dict):
    def __getitem__(self, k):
        return f"<{super().__getitem__(k)}>"
    def get(self, k, default=None):
        return "get-override"
ld = LoudDict(a=1)
print(ld["a"], ld.get("a"), dict.get(ld, "a"), list(ld.values()), {**ld}, dict(ld))
class UpperList(list):
    def __iter__(self):
        return (str(x).upper() for x in super().__iter__())
ul = UpperList(["a", "b"])
print(list(ul), [x for x in ul], len(ul), ul[0], sorted(ul), "".join(ul))
class OrderedCounter(dict):
    def __missing__(self, k):
        return 0
oc = OrderedCounter()
for ch in "banana":
    oc[ch] += 1
print(oc, oc["z"], "z" in oc, oc.get("z"))
class Str2(str):
    def __len__(self):
        return 42
    def __str__(self):
        return "custom"
s2 = Str2("abc")
print(len(s2), str(s2), s2 + "!", s2.upper(), repr(s2), f"{s2}", "%s" % s2, s2 == "abc")
class IntLike(int):
    def __add__(self, o):
        return "added"
    def __eq__(self, o):
        return "eq-called"
    __hash__ = int.__hash__
il = IntLike(5)
print(il + 1, 1 + il, il == 5, sum([il, 1]), il * 2, hash(il) == hash(5))
class TupleRec(tuple):
    def __new__(cls, *items):
        return super().__new__(cls, items)
    def __repr__(self):
        return "TupleRec" + super().__repr__()
tr = TupleRec(1, 2)
print(tr, len(tr), tr + (3,), tr[::-1], type(tr[:1]).__name__, isinstance(tr, tuple))
class MyList(list):
    pass
ml = MyList([3, 1, 2])
ml.sort()
print(ml, type(ml).__name__, type(ml + []).__name__, type(ml * 2).__name__, type(ml.copy()).__name__, ml == [1, 2, 3])

# __eq__/__hash__ rules and hashing in dicts and sets.
class NoEq:
    pass
class EqOnly:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, EqOnly) and self.v == o.v
class EqHash(EqOnly):
    def __hash__(self):
        return hash(self.v)
print(NoEq.__hash__ is object.__hash__, EqOnly.__hash__, EqHash.__hash__ is not None)
try:
    hash(EqOnly(1))
except TypeError as e:
    print("TypeError:", e)
try:
    {EqOnly(1)}
except TypeError as e:
    print("TypeError:", e)
s = {EqHash(1), EqHash(1), EqHash(2)}
print(len(s), EqHash(2) in s, EqHash(3) in s)
d = {EqHash("k"): "v"}
print(d[EqHash("k")])
class Inherit(EqHash):
    def __eq__(self, o):
        return False
try:
    hash(Inherit(1))
except TypeError as e:
    print("TypeError:", e)
class Explicit:
    __hash__ = None
try:
    hash(Explicit())
except TypeError as e:
    print("TypeError:", e)
class BadHash:
    def __hash__(self):
        return "nope"
try:
    hash(BadHash())
except TypeError as e:
    print("TypeError:", e)
class BigHash:
    def __hash__(self):
        return 2 ** 100
print(hash(BigHash()) == hash(2 ** 100), hash(-1), hash(-2), hash(2 ** 61 - 1), hash(1.5), hash(-0.5))
class Counter:
    calls = 0
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        Counter.calls += 1
        return 7
    def __eq__(self, o):
        return self.v == o.v
m = {}
for i in range(5):
    m[Counter(i % 2)] = i
print(len(m), Counter.calls, [k.v for k in m], list(m.values()))
print(1 == 1.0 == True, hash(1) == hash(1.0) == hash(True), {1: "a", 1.0: "b"}, "a" == b"a")
class Always:
    def __eq__(self, o):
        return True
x = Always()
print(x == 1, 1 == x, x != 1, [1, 2].count(x), x in [5], [x].index(99) if x == 99 else None)
print(hash("abc") == hash("abc"), hash((1, "a")) == hash((1, "a")), hash(frozenset()) == hash(frozenset()))

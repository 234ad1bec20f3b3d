# __hash__ results are used as given; dict/set reuse stored hashes;
# setdefault hashes and compares once; update detects mutation.
class Key3:
    def __hash__(self):
        return hash("key3")

    def __eq__(self, other):
        return isinstance(other, Key3) or isinstance(other, str) and other == "key3"


class StrSub(str):
    pass


d = {"key1": 1, StrSub("key3"): 3}
print(d.get(Key3()), hash(Key3()) == hash("key3"))
for value in (-1, 2**64 + 5, True, 2**61 - 1, 2**61, -(2**63), 2**63 - 1):
    class H:
        def __hash__(self, value=value):
            return value
    print(value, hash(H()))
try:
    class Bad:
        def __hash__(self):
            return 1.5
    hash(Bad())
except TypeError as e:
    print(e)


class Counting:
    def __init__(self):
        self.hash_count = 0
        self.eq_count = 0

    def __hash__(self):
        self.hash_count += 1
        return 42

    def __eq__(self, other):
        self.eq_count += 1
        return self is other


a, b = Counting(), Counting()
y = {a: 5}
print(y.setdefault(b, []), a.hash_count, b.hash_count, a.eq_count + b.eq_count)
print(y.setdefault(b, "other"), b.hash_count)


class HashCountingInt(int):
    def __init__(self, *args):
        self.hash_count = 0

    def __hash__(self):
        self.hash_count += 1
        return int.__hash__(self)


src = dict.fromkeys(map(HashCountingInt, range(10)))
total = lambda: sum(e.hash_count for e in src)
print(total())
s = set(src)
s.difference(src)
s.symmetric_difference_update(src)
dict.fromkeys(set(src))
dict.fromkeys(frozenset(src), 123)
other = {}
other.update(src)
merged = {} | src
print(total(), dict.fromkeys(frozenset(src), 1) == dict.fromkeys(src, 1))


class X:
    def __hash__(self):
        return 0

    def __eq__(self, o):
        victim.clear()
        return False


victim = dict((i, 0) for i in range(1, 50))
victim[X()] = 0
target = {X(): 0, 1: 1}
try:
    target.update(victim)
except RuntimeError as e:
    print("RuntimeError", e)
print(type(Ellipsis)() is Ellipsis, type(NotImplemented)() is NotImplemented, type(None)() is None)
for tp in (type(Ellipsis), type(NotImplemented), type(None)):
    try:
        tp(1)
    except TypeError as e:
        print(e)
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print(bool(NotImplemented), [str(x.message) for x in w])
for start in ("", b"", bytearray()):
    try:
        sum([], start)
    except TypeError as e:
        print(e)

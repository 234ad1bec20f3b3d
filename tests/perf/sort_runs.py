# list.sort / sorted: natural runs (sorted, reversed, organ-pipe, sawtooth)
# are found and merged stably; presorted input costs n - 1 comparisons.
import random

class Counted:
    calls = 0
    __slots__ = ("v", "tag")
    def __init__(self, v, tag):
        self.v = v
        self.tag = tag
    def __lt__(self, other):
        Counted.calls += 1
        return self.v < other.v

def check(name, data, **kw):
    items = [Counted(v, i) for i, v in enumerate(data)]
    Counted.calls = 0
    out = sorted(items, **kw)
    calls = Counted.calls
    sign = -1 if "key" in kw else 1
    ref = sorted(range(len(data)), key=lambda i: sign * data[i], reverse=kw.get("reverse", False))
    ok = [c.tag for c in out] == ref
    # Only presorted inputs have an implementation-independent comparison count.
    return name, ok, calls if name in ("sorted", "sorted rev", "reversed", "reversed rev") else None

random.seed(3)
n = 2000
shapes = {
    "sorted": list(range(n)),
    "reversed": list(range(n, 0, -1)),
    "random": [random.random() for _ in range(n)],
    "few distinct": [random.randrange(4) for _ in range(n)],
    "organ pipe": list(range(n // 2)) + list(range(n // 2, 0, -1)),
    "sawtooth": [i % 37 for i in range(n)],
    "sorted + noise": [i if i % 97 else -i for i in range(n)],
    "reversed equal runs": [i // 5 for i in range(n, 0, -1)],
    "two sorted halves": list(range(0, n, 2)) + list(range(1, n, 2)),
}
for name, data in shapes.items():
    print(check(name, data))
    print(check(name + " rev", data, reverse=True))
    print(check(name + " key", data, key=lambda c: -c.v))

# Homogeneous keys take fast compares; results must equal the general order.
words = ["%x" % random.randrange(10 ** 6) for _ in range(3000)] + ["\u00e9t\u00e9", "\u4e00", "\U0001f600", "a", "", "A"]
print(sorted(words)[:8], sorted(words)[-4:], sorted(words, reverse=True)[:3])
floats = [random.uniform(-1e9, 1e9) for _ in range(3000)] + [0.0, -0.0, float("inf"), -float("inf")]
fs = sorted(floats)
print(fs[:3], fs[-3:], all(a <= b for a, b in zip(fs, fs[1:])))
print(sorted([0.0, -0.0, 0.0, -0.0]), sorted([-0.0, 0.0]), [str(x) for x in sorted([0.0, -0.0])])
nan = float("nan")
print(sorted([3.0, nan, 1.0, 2.0]) == sorted([3.0, nan, 1.0, 2.0]), sorted([nan, 2.0, 1.0])[1:])
ints = [random.randrange(-10 ** 6, 10 ** 6) for _ in range(3000)] + [2 ** 70, -(2 ** 70), True, False]
si = sorted(ints)
print(si[:3], si[-3:], all(a <= b for a, b in zip(si, si[1:])))

class S(str):
    def __lt__(self, other):
        return len(self) < len(other)
print(sorted([S("bbb"), S("a"), S("cc")]), sorted(["b", S("a")]))

# Errors mid-sort leave the list a permutation of its items.
class Bomb:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        if self.v == 777 or other.v == 777:
            raise ValueError("boom")
        return self.v < other.v
    def __repr__(self):
        return "B%d" % self.v
data = [Bomb(v) for v in random.sample(range(1000), 1000)]
try:
    data.sort()
except ValueError as e:
    print(type(e).__name__, e)
print(len(data), sorted(b.v for b in data) == list(range(1000)))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print(type(e).__name__, e)

lst = list(range(100, 0, -1))
def key(x):
    if x == 50:
        lst.append(1)
    return x
try:
    lst.sort(key=key)
except ValueError as e:
    print(type(e).__name__, e)

# Large presorted inputs stay fast.
big = list(range(300_000))
for _ in range(5):
    big.sort()
    big.sort(reverse=True)
    big.reverse()
print(big[:3], big[-3:])

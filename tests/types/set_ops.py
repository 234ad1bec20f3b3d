# set/frozenset operations (ints and small strings keep a stable order with PYTHONHASHSEED=0).
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b, a <= b, {1, 2} <= a, {1, 2} < a, a >= {1}, a > a)
print(a.union([9]), a.intersection(range(3)), a.difference({1}, {2}), a.symmetric_difference([4, 10]))
print(a.isdisjoint({7}), a.issubset(range(10)), a.issuperset([1, 2]), len(a), 3 in a, 7 not in a)
s = set()
s.add(5); s.add(5); s.update([1, 2], (3,)); s.discard(9); s.remove(1)
print(s, s.pop() in (2, 3, 5), len(s))
s.clear()
print(s, set("aabbc") == {"a", "b", "c"}, sorted(set("hello")), set(), frozenset())
fs = frozenset([1, 2, 3])
print(fs, fs | {4}, type(fs | {4}).__name__, type({4} | fs).__name__, fs == {1, 2, 3}, hash(fs) == hash(frozenset({3, 2, 1})))
d = {fs: "frozen"}
print(d[frozenset({1, 2, 3})], {frozenset(): 1}, frozenset("ab") == frozenset("ba"))
c = {1, 2, 3}
c |= {4}; c &= {1, 2, 4, 5}; c -= {1}; c ^= {9, 2}
print(c)
for bad in [lambda: {1}.remove(2), lambda: set().pop(), lambda: {[1]}, lambda: {1} + {2}, lambda: fs.add(1), lambda: {1} < [1]]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ":", e)
try:
    for x in c:
        c.add(x + 100)
except RuntimeError as e:
    print("RuntimeError:", e)
print({x % 3 for x in range(10)}, sorted({-1, -5, 3}), {1, 2} == {2, 1}, {1} != {1.0})
print(sorted({"b", "a"} | {"c"}), repr(set()), repr(frozenset()), str({1}), set([1, 1, 2]))
print(set(range(5)) - set(range(0, 5, 2)), frozenset(range(3)).union(), {1, 2}.copy())

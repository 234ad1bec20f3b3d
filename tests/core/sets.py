s = {3, 1, 2}
s.add(10)
s.add(2)
print(s, len(s), 1 in s, 5 in s, sorted(s))
t = set([5, 4, 3, 2])
print(s | t, s & t, s - t, t - s, s ^ t)
print(s.union([7, 8]), s.intersection(t, {3}), s.difference({1}), s.symmetric_difference([1, 99]))
print(s <= s | t, s < s, {1} < {1, 2}, s == {1, 2, 3, 10}, s != t, {1, 2}.issubset([1, 2, 3]), {1, 2, 3}.issuperset({1}), {1}.isdisjoint({2}))
words = {"apple", "banana", "cherry", "date", "elderberry", "fig", "grape"}
print(words)
print(sorted(words), len(words), "fig" in words)
words.discard("fig")
words.remove("date")
try:
    words.remove("zzz")
except KeyError as e:
    print("KeyError", e)
print(words)
fs = frozenset([1, 2, 3])
print(fs, frozenset(), set(), hash(fs) == hash(frozenset({3, 2, 1})), fs | {4}, type(fs | {4}).__name__)
print({x % 5 for x in range(20)}, {c for c in "mississippi"})
d = {}
d[frozenset({1, 2})] = "pair"
print(d[frozenset([2, 1])])
u = set()
for i in range(100):
    u.add(i * 7 % 31)
print(u)
print(set("hello world"), sorted(set("hello world")))
big = set(range(0, 200, 3))
big -= set(range(0, 200, 5))
print(len(big), list(big)[:10])
x = {1, 2, 3}
x |= {4}
x &= {1, 2, 4, 5}
x ^= {1, 9}
print(x)
try:
    for k in x:
        x.add(k + 100)
except RuntimeError as e:
    print("RuntimeError:", e)
print({(1, 2), (3, 4)}, {None, True, 0.5, "s"} == {None, True, 0.5, "s"})
p = {1, 2, 3}
print(p.pop(), p, {"a", "b"} | {"c"})
print(repr(set()), repr({1}), frozenset("ab") == {"a", "b"}, {1, 2} == frozenset([1, 2]))

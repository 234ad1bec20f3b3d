# Set algebra on realistic data; set of tuples; frozenset keys; in-place ops return identity.
enrolled = {"math": {"ann", "bob", "cy"}, "art": {"bob", "dee"}, "cs": {"ann", "cy", "eve", "bob"}}
everyone = set().union(*enrolled.values())
print(sorted(everyone), sorted(enrolled["math"] & enrolled["cs"]), sorted(enrolled["cs"] - enrolled["math"]))
print(sorted(set.intersection(*enrolled.values())), sorted(enrolled["art"] ^ enrolled["math"]))
print({k for k, v in enrolled.items() if "bob" in v} == {"math", "art", "cs"}, all("bob" in v for v in enrolled.values()))
pairs = {(1, 2), (2, 1), (1, 2)}
print(len(pairs), (2, 1) in pairs, sorted(pairs), sorted({tuple(sorted(p)) for p in pairs}))
groups = {frozenset({"a", "b"}): 1, frozenset({"b", "a"}): 2, frozenset(): 0}
print(len(groups), groups[frozenset("ab")], sorted(map(len, groups)))
s = {1, 2}
t = s
s |= {3}
s -= {1}
s &= {2, 3, 4}
s ^= {5}
print(s, t is s, sorted(t))
print({1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {1, 2} > {1}, {3} > {1}, {1} == frozenset({1}), set() == frozenset())
print(sorted({-3, 3, -1, 1, 0}), sorted({1.5, 1, 2}), {True, 1, 1.0}, {0, False, 0.0}, len({(), (), ()}))
big = set(range(1000))
big.difference_update(range(0, 1000, 2))
big.intersection_update(range(0, 1000, 3))
print(len(big), min(big), max(big), sum(big))
u = set()
u.update("abc", ["d"], {"e": 1})
print(sorted(u), u.issuperset("ab"), u.isdisjoint("xyz"), frozenset("ab").issubset(u))
f = frozenset([3, 1, 2])
print(sorted(f), f.union([4]) == {1, 2, 3, 4}, f.difference([1]) == {2, 3}, f.copy() is f, f & {1, 9})
seen, dups = set(), []
for x in [3, 1, 3, 2, 1, 5]:
    (dups.append(x) if x in seen else seen.add(x))
print(dups, sorted(seen))
try:
    {1}.update(5)
except TypeError as e:
    print("TypeError:", e)
try:
    frozenset([[]])
except TypeError as e:
    print("TypeError:", e)

# itertools: groupby (with _grouper semantics), tee, pairwise, zip_longest.
from itertools import groupby, pairwise, tee, zip_longest, islice, count

for k, g in groupby("AAAABBBCCDAABBB"):
    print(k, list(g))
print([(k, list(g)) for k, g in groupby([1, 2, 3, 4, 5, 6, 7], key=lambda x: x // 3)])
print([k for k, g in groupby("aabbbc")], [len(list(g)) for k, g in groupby("aabbbc")])
print(list(groupby([])), [(k, list(g)) for k, g in groupby([None, None, 0])])

# a group is invalidated once the groupby advances
groups = list(groupby("aabbc"))
print([(k, list(g)) for k, g in groups])
gb = groupby("xxyyz")
k1, g1 = next(gb)
print(k1, next(g1))
k2, g2 = next(gb)
print(k2, list(g1), list(g2))

# partially consumed group then advance
gb = groupby([1, 1, 1, 2, 2, 3])
k, g = next(gb)
print(k, next(g))
print([(k, list(g)) for k, g in gb])

# key function calls and equality
calls = []
def key(x):
    calls.append(x)
    return x.lower()
print([(k, "".join(g)) for k, g in groupby("aAbBBa", key)], calls)

class Eq:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        raise RuntimeError("no comparing")
try:
    list(groupby([Eq(1), Eq(2)]))
except RuntimeError as e:
    print("RuntimeError", e)
print(type(next(groupby("a"))[1]).__name__, type(groupby("")).__name__)
try:
    groupby()
except TypeError as e:
    print("TypeError", e)
print([(k, list(g)) for k, g in groupby(iterable=[1, 1, 2], key=None)])

# sorting then grouping: a realistic use
words = "the quick brown fox jumps over the lazy dog then the end".split()
for length, ws in groupby(sorted(words, key=len), key=len):
    print(length, sorted(set(ws)))

a, b = tee(range(5))
print(list(a), list(b))
a, b, c = tee("abc", 3)
print(next(a), list(b), list(a), list(c))
print(tee([1], 0), len(tee([1], 5)))
a, b = tee(iter(range(200)))
print(sum(a), next(b), sum(b))
x, = tee(count(), 1)
print(list(islice(x, 3)))
a, b = tee([1, 2, 3])
c = a.__copy__()
next(a)
print(list(a), list(b), list(c))
a, b = tee(tee([7, 8])[0])
print(list(a), list(b), type(a).__name__)
for bad in [lambda: tee([1], -1), lambda: tee(), lambda: tee(1)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

print(list(pairwise("ABCDE")), list(pairwise("A")), list(pairwise([])))
print(list(pairwise(iter(range(4)))), [b - a for a, b in pairwise([1, 4, 9, 16, 25])])
try:
    pairwise()
except TypeError as e:
    print("TypeError", e)
try:
    pairwise([1], [2])
except TypeError as e:
    print("TypeError", e)

print(list(zip_longest("ABCD", "xy", fillvalue="-")))
print(list(zip_longest("ab", range(4))), list(zip_longest()), list(zip_longest([])))
print(list(zip_longest([1], [2, 3], [4, 5, 6], fillvalue=0)))
z = zip_longest(iter([1]), iter([]))
print(next(z), next(z, "end"), next(z, "end"))
try:
    zip_longest(foo=1)
except TypeError as e:
    print("TypeError", e)
try:
    zip_longest(1)
except TypeError as e:
    print("TypeError", e)

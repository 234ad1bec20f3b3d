# sorted/list.sort stability, keys, reverse, errors, and comparisons of mixed types.
data = [("b", 2), ("a", 2), ("c", 1), ("a", 1)]
print(sorted(data), sorted(data, key=lambda t: t[1]), sorted(data, key=lambda t: t[1], reverse=True))
print(sorted(data, key=lambda t: t[0], reverse=True))
nums = [5, -3, 2, -8, 0, 7]
print(sorted(nums, key=abs), sorted(nums, key=lambda n: (n < 0, n)), sorted(nums, reverse=True))
words = "The quick Brown fox Jumps over the Lazy dog".split()
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(set(map(str.lower, words))))
l = [3, 1, 2]
print(l.sort(), l, l.sort(reverse=True), l)
print(sorted("hello"), sorted((3, 1)), sorted({3: "a", 1: "b"}), sorted(range(5, 0, -1)))
print(sorted([1.5, 1, True, 0.5, False]), sorted([[2, 1], [1, 5], [1]]), sorted([(1, "b"), (1, "a")]))
class Item:
    def __init__(self, n):
        self.n = n
    def __lt__(self, o):
        return self.n < o.n
    def __repr__(self):
        return f"I{self.n}"
print(sorted([Item(3), Item(1), Item(2)]), max([Item(3), Item(9)]), min(Item(5), Item(4)))
class OnlyGt:
    def __init__(self, n):
        self.n = n
    def __gt__(self, o):
        return self.n > o.n
    def __repr__(self):
        return f"G{self.n}"
print(sorted([OnlyGt(2), OnlyGt(1)]))
for bad in [lambda: sorted([1, "a"]), lambda: sorted([None, None]), lambda: sorted([{}, {}]), lambda: sorted([1], key=5),
            lambda: sorted([1, 2], reverse="x") if False else sorted(5), lambda: [3, 1].sort(key=lambda x: x.nope)]:
    try:
        print(bad())
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
try:
    sorted([1, 2], 1)
except TypeError as e:
    print("TypeError:", e)
big = list(range(1000, 0, -1))
big.sort()
print(big[:5], big[-3:], sorted(big, key=lambda v: v % 10)[:12])
recs = [{"n": "x", "v": 3}, {"n": "y", "v": 1}, {"n": "z", "v": 2}]
print([r["n"] for r in sorted(recs, key=lambda r: r["v"])])
print(sorted([], reverse=True), sorted([1]), list(reversed(sorted([3, 1, 2]))))

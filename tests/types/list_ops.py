# list methods, slicing, sort.
a = [5, 3, 8, 1, 9, 2]
a.append(7); a.extend([0, 4]); a.insert(2, 6); a.insert(-1, 10); a.insert(100, 11)
print(a, len(a), a.index(8), a.count(3), a.pop(), a.pop(0), a)
a.remove(10)
print(a, a[::2], a[1::3], a[-2:], a[:-2], a[::-1], a[5:1:-1])
a[1:3] = ["x", "y", "z"]
print(a)
a[::2] = [0] * len(a[::2])
print(a)
del a[1:4]
print(a)
del a[::2]
print(a)
b = sorted([3, 1, 2], reverse=True)
c = ["banana", "Apple", "cherry", "apple"]
c.sort(key=str.lower)
print(b, c, sorted(c, key=len), sorted(c, key=lambda s: (len(s), s), reverse=True))
pairs = [(1, "b"), (0, "a"), (1, "a"), (0, "b")]
print(sorted(pairs), sorted(pairs, key=lambda p: p[1]), sorted(pairs, key=lambda p: p[0], reverse=True))
print([1, 2] + [3], [0] * 3, [[]] * 2, [1, 2] == [1, 2], [1, 2] < [1, 3], [1] < [1, 0], 2 in [1, 2])
l = [1, 2, 3]
l *= 2
l += (4, 5)
print(l, l.copy(), list(reversed(l)), l.clear(), l)
try:
    [1, 2].index(5)
except ValueError as e:
    print("ValueError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1][3]
except IndexError as e:
    print("IndexError:", e)
try:
    [1, "a"].sort()
except TypeError as e:
    print("TypeError:", e)
try:
    x = [1, 2, 3]
    x[0:3:2] = [1]
except ValueError as e:
    print("ValueError:", e)
m = [3, 1, 2]
def bad_key(v):
    m.append(v)
    return v
try:
    m.sort(key=bad_key)
except ValueError as e:
    print("ValueError:", e)
nested = [[1, 2], [3, 4]]
cp = nested.copy()
cp[0].append(9)
print(nested, list("abc"), list(range(3)), list({1: 2}), [x * x for x in range(5) if x % 2])
l2 = [1, 2, 3, 4, 5]
l2[1:4] = []
print(l2, l2 * 0, [None] * 2, list.__name__, [1, [2, [3]]])
r = [1]
r.append(r)
print(r, [1, 2, 3].__len__(), [4, 5].__getitem__(-1))

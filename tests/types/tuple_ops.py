# tuples: packing, comparison, hashing, methods.
t = (1, 2, 3, 2)
print(t, len(t), t[1], t[-1], t[1:3], t[::-1], t.count(2), t.index(3), 2 in t, () == (), (1,), tuple())
print(t + (4,), t * 2, (1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9), (1, "a") == (1, "a"))
print(tuple("abc"), tuple([1, 2]), tuple(range(3)), tuple(x * 2 for x in t), hash((1, 2)) == hash((1, 2)))
a, b, *c = t
print(a, b, c)
(x, y), z = (1, 2), 3
print(x, y, z)
print(type(()).__name__, isinstance((), tuple), ((1, 2), (3,)), ((),), repr((1,)), str((None, True)))
try:
    t[10]
except IndexError as e:
    print("IndexError:", e)
try:
    t[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    t.index(99)
except ValueError as e:
    print("ValueError:", e)
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
try:
    (1, 2) < (1, "a")
except TypeError as e:
    print("TypeError:", e)
try:
    a, b = (1, 2, 3)
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = (1, 2)
except ValueError as e:
    print("ValueError:", e)
try:
    a, *b, c = (1,)
except ValueError as e:
    print("ValueError:", e)
print(sorted([(2, "b"), (1, "z"), (2, "a")]), max((1, 2), (1, 3)), min([(3,), (1, 5)]))
print((1, 2) + tuple([3]), tuple(t) is t, t[:] is t, (1, 2, 3)[5:], divmod(9, 4))
d = {(1, 2): "pair", (): "empty"}
print(d[(1, 2)], d[()], sum((1, 2, 3)), list(enumerate(("a", "b"))))

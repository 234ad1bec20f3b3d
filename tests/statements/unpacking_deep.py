# Unpacking in for-loops, comprehensions, function args, nested targets, starred in the middle.
records = [("ann", (31, "eng"), [1, 2, 3]), ("bob", (25, "ops"), [4])]
for name, (age, dept), [first, *others] in records:
    print(name, age, dept, first, others)
pairs = dict([("a", 1), ("b", 2)])
print([f"{k}{v}" for k, v in pairs.items()], {v: k for k, v in pairs.items()})
head, *mid, tail = range(6)
print(head, mid, tail)
*_, last_two_a, last_two_b = "python"
print(last_two_a, last_two_b)
(a, b), (c, *d) = "xy", [1, 2, 3]
print(a, b, c, d)
[x, [y, [z]]] = [1, [2, [3]]]
print(x, y, z)
m = [[1, 2], [3, 4]]
(p, q), (r, s) = m
print(p + s, q * r)
def f(a, b, *rest, **kw):
    return a, b, rest, kw
args = [1, 2, 3]
kwargs = {"k": "v"}
print(f(*args), f(*args, **kwargs), f(0, *args[1:], z=1, **kwargs))
first, second = sorted({"b": 0, "a": 1})
print(first, second)
it = iter([10, 20])
u, v = it
print(u, v)
swap = [1, 2, 3]
swap[0], swap[2] = swap[2], swap[0]
print(swap)
i = 0
data = [5, 6, 7]
i, data[i] = 2, 99
print(i, data)
for idx, (ch, code) in enumerate(zip("ab", (97, 98))):
    print(idx, ch, code)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c, d = "abc"
except ValueError as e:
    print("ValueError:", e)
try:
    a, *b, c, d = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    (a, b), c = [1, 2], 3, 4
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = 5
except TypeError as e:
    print("TypeError:", e)
print([*"ab", *[1], *(2,), *{3: 0}], (*range(2),), {**{"a": 1}, **{"a": 2, "b": 3}})

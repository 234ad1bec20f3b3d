# Walrus, chained comparisons, starred unpacking, del, assert.
data = [3, 8, 1, 9]
if (n := len(data)) > 3:
    print("long", n)
while (item := data.pop()) != 8:
    print("popped", item)
print(data, [y for x in range(5) if (y := x * x) % 2], y)
calls = []
def val(v):
    calls.append(v)
    return v
print(val(1) < val(2) < val(3), calls)
calls.clear()
print(val(3) < val(2) < val(5), calls)
print(1 < 2 > 0, 1 == 1 != 2, 1 < 2 < 2, "a" < "b" <= "b", 1 is not None is not False, 3 in [3] in [[3]])
a, *b = range(5)
*c, d = "xyz"
e, *f, g = [1, 2]
print(a, b, c, d, e, f, g)
(h, i), *j = [(1, 2), 3, 4]
print(h, i, j, [*"ab", *range(2)], (*[1], 2), {*"aa", "b"} == {"a", "b"})
first, second = "ab"
k, l = {"p": 1, "q": 2}
print(first, second, k, l)
def f(*args):
    return args
print(f(*[1, 2], 3, *(4,)), [*[], *()], {**{}})
x = [1, 2, 3, 4, 5]
del x[0], x[-1]
print(x)
obj = type("O", (), {})()
obj.attr = 1
del obj.attr
print(hasattr(obj, "attr"))
z = 5
del z
try:
    z
except NameError as e:
    print("NameError:", e)
try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert False
except AssertionError as e:
    print("AssertionError repr:", repr(e))
assert True, "never evaluated"
m = n = o = [0]
m += [1]
print(n, o is m)
p, q = q, p = 1, 2
print(p, q)
s = [0, 1, 2]
i = 0
i, s[i] = 1, 9
print(i, s)
try:
    a, b = 1
except TypeError as e:
    print("TypeError:", e)
try:
    del undefined_thing
except NameError as e:
    print("NameError:", e)

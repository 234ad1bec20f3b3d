# COMPARE_OP, BINARY_SUBSCR, STORE_SUBSCR and UNPACK_SEQUENCE sites warmed
# up on one type, then fed others: floats and big ints at an int compare,
# NaN, str subclasses, a list turned into a dict, __getitem__ redefined,
# out-of-range indexes and missing keys after warm-up.
import math


def less(a, b):
    if a < b:
        return "lt"
    return "ge"


def eq(a, b):
    while a == b:
        return "eq"
    return "ne"


for i in range(300):
    less(i, 150)
    eq("k" + str(i % 3), "k1")
print(less(1, 2), less(2.5, 2), less(10**30, 10**31), less(True, 2), less(-(2**47), -(2**47) + 1))
print(less(float("nan"), 1.0), less(1, float("nan")), less("a", "b"), less((1, 2), (1, 3)))
for i in range(300):
    less(i * 0.5, 75.0)
print(less(math.inf, 1e308), less(-0.0, 0.0), less(3, 2.5), less(2**60, 2**60 + 1))
try:
    less(1, "x")
except TypeError as e:
    print(type(e).__name__, e)
print(eq("abc", "abc"), eq("abc", "abd"), eq(1, 1.0), eq(float("nan"), float("nan")))


class LoudStr(str):
    def __eq__(self, other):
        return True

    __hash__ = str.__hash__


print(eq(LoudStr("x"), "y"), eq("y", LoudStr("x")))


def item(c, k):
    return c[k]


for i in range(300):
    item([1, 2, 3], i % 3)
print(item([1, 2, 3], -1), item({"a": 1}, "a"), item("hey", 1), item(range(10), 4))
try:
    item([1, 2], 5)
except IndexError as e:
    print(type(e).__name__, e)
try:
    item({}, "missing")
except KeyError as e:
    print(type(e).__name__, e)
for i in range(300):
    item({i % 7: i}, i % 7)
try:
    item({1: 2}, [1])
except TypeError as e:
    print(type(e).__name__, e)


class Missing(dict):
    def __missing__(self, key):
        return ("missing", key)


print(item(Missing(), 3), item((9, 8), 1))


class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10


for i in range(300):
    item(Seq(), i % 3)
print(item(Seq(), 2))
try:
    item(Seq(), 7)
except IndexError as e:
    print(type(e).__name__, e)
Seq.__getitem__ = lambda self, i: ("redefined", i)
print(item(Seq(), 2))


class SubSeq(Seq):
    pass


print(item(SubSeq(), 1))
del Seq.__getitem__
try:
    item(Seq(), 1)
except TypeError as e:
    print(type(e).__name__, e)


def put(c, k, v):
    c[k] = v
    return c


for i in range(300):
    put([0, 0, 0], i % 3, i)
print(put([0, 0], 1, "x"), put({}, "k", "v"), put({1: 1}, 1, 2))
try:
    put([0], 3, 1)
except IndexError as e:
    print(type(e).__name__, e)
try:
    put((1,), 0, 1)
except TypeError as e:
    print(type(e).__name__, e)
for i in range(300):
    put({}, i, i)
try:
    put({}, [], 1)
except TypeError as e:
    print(type(e).__name__, e)
print(put([5, 6], -1, 7), put(bytearray(b"ab"), 0, 65))


def unpack(seq):
    a, b = seq
    return a, b


def unpack3(seq):
    a, b, c = seq
    return c, b, a


for i in range(300):
    unpack((i, -i))
    unpack3([i, 2, 3])
print(unpack((1, 2)), unpack([3, 4]), unpack("xy"), unpack(iter({5: 1, 6: 2})))
print(unpack3((1, 2, 3)), unpack3([4, 5, 6]), unpack3(x * x for x in range(3)))
for bad in ((1, 2, 3), [1], "abc", 5):
    try:
        unpack(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)


def gen(n):
    yield from range(n)


def total(it):
    s = 0
    for x in it:
        s += x
    return s


for i in range(300):
    total([1, 2, 3])
print(total(gen(5)), total((4, 5)), total(range(4)), total({7: 0}), total(iter([1, 1])))

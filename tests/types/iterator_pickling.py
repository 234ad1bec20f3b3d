# __reduce__/__setstate__ of the builtin iterators, and pickling round trips.
import pickle
import copy


def show(label, value):
    print(label, repr(value))


def roundtrip(it, advance=0):
    for _ in range(advance):
        next(it, None)
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        again = pickle.loads(pickle.dumps(it, proto))
        print(proto, type(again).__name__, list(again))


# Sequence iterators: (iter, (seq,), index), exhausted (iter, (empty,)).
for seq in ([1, 2, 3], (4, 5, 6), "xyz", b"ab", bytearray(b"cd")):
    it = iter(seq)
    show("fresh", it.__reduce__())
    next(it)
    show("advanced", it.__reduce__())
    list(it)
    show("exhausted", it.__reduce__())
    roundtrip(iter(seq), 1)

# __setstate__ clips the index to the sequence.
it = iter([10, 20, 30])
it.__setstate__(-5)
print(next(it))
it.__setstate__(2)
print(list(it))
it = iter([1, 2])
it.__setstate__(99)
print(list(it))
for bad in ("x", 2**70):
    try:
        iter([1]).__setstate__(bad)
    except Exception as e:
        print(type(e).__name__, e)


class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError
        return i * i


it = iter(Seq())
it.__setstate__(-42)
print(next(it), type(it.__reduce__()[1][0]).__name__, it.__reduce__()[2])

# range iterators, small and long.
for r in (range(5), range(3, 20, 4), range(10, 0, -3), range(2**65, 2**65 + 3), range(0)):
    it = iter(r)
    show("range", it.__reduce__())
    next(it, None)
    show("range next", it.__reduce__())
    roundtrip(iter(r), 1)
it = iter(range(2**32 + 2))
it.__setstate__(2**32 + 1)
print(it.__reduce__()[2], next(it))
rit = reversed(range(5))
next(rit)
show("reversed range", rit.__reduce__())

# dict and set iterators pickle as list iterators over what is left.
d = {"a": 1, "b": 2, "c": 3}
for it in (iter(d), iter(d.values()), iter(d.items())):
    next(it)
    show("dict it", it.__reduce__())
    roundtrip(it)
for r in (reversed(d), reversed(d.values()), reversed(d.items())):
    roundtrip(r, 1)
s = {1, 2, 3}
it = iter(s)
next(it)
print(sorted(it.__reduce__()[1][0]), len(list(it)))

# enumerate, zip, map, filter, reversed, callable iterators.
e = enumerate("abc", 5)
next(e)
print(type(e.__reduce__()[0]).__name__, e.__reduce__()[1][1])
roundtrip(enumerate("abc", 5), 1)
roundtrip(zip("abc", range(3)), 1)
z = zip("ab", "cd", strict=True)
print(len(z.__reduce__()), z.__reduce__()[2])
roundtrip(map(abs, [-1, -2, -3]), 1)
roundtrip(filter(None, [0, 1, 0, 2]), 1)
rv = reversed([1, 2, 3, 4])
next(rv)
show("reversed", rv.__reduce__()[2])
roundtrip(reversed([1, 2, 3, 4]), 1)
list(rv)
show("reversed exhausted", rv.__reduce__()[1])
rv = reversed([1, 2, 3])
rv.__setstate__(-7)
print(list(rv))
rv = reversed([1, 2, 3])
rv.__setstate__(100)
print(list(rv))
c = iter([1, 2, 3, 0].pop, 2)
print(c.__reduce__()[1][1], list(c), c.__reduce__()[1])

# sets, frozensets and slices pickle and copy.
class S(set):
    pass


x = S([3, 1, 2])
x.attr = "kept"
y = copy.deepcopy(x)
print(type(y).__name__, sorted(y), y.attr)
print(sorted(copy.deepcopy({1, 2, 3})), sorted(pickle.loads(pickle.dumps(frozenset("ab")))))
print(slice(1, 2, 3).__reduce__(), copy.deepcopy(slice(1, [2], None)), pickle.loads(pickle.dumps(slice(4))))

# array: construction from arrays of other kinds, None, files written from
# arrays, NaN comparisons, the reconstructor's format checks, MutableSequence.
import array
import collections.abc
import os
import tempfile

for src, code in [(array.array("b", range(5)), "d"), (array.array("b", range(5)), "q"), (array.array("H", [1, 65535]), "l"),
                  (array.array("d", [1.5]), "b"), (array.array("u", "ab"), "b"), (array.array("b", b"ab"), "u"),
                  (array.array("u", "ab"), "u"), (array.array("i", [300]), "b"), (array.array("f", [2.5]), "d")]:
    try:
        print(code, array.array(code, src))
    except (TypeError, OverflowError) as e:
        print(code, type(e).__name__, e)
for code in "bBhHiIlLqQfdu":
    try:
        array.array(code, None)
    except TypeError as e:
        print(code, "TypeError", e)

path = os.path.join(tempfile.mkdtemp(), "data")
with open(path, "wb") as f:
    print(f.write(array.array("h", [1, 2, 3])), f.write(array.array("d", [1.0])))
with open(path, "rb") as f:
    print(f.read())
a = array.array("i")
with open(path, "rb") as f:
    a.fromfile(f, 2)
print(a)
os.unlink(path)
os.rmdir(os.path.dirname(path))

for code in "fd":
    a = array.array(code, [float("nan")])
    b = array.array(code, [float("nan")])
    print(a == b, a != b, a < b, a <= b, a > b, a >= b, a == a)
    c = array.array(code, [1.0, float("nan")])
    print(c == c, c < array.array(code, [2.0]), c > array.array(code, [1.0]))
print(array.array("i", [1, 2]) < array.array("i", [1, 3]), array.array("i", [1, 2]) == array.array("l", [1, 2]))

r = array._array_reconstructor
for args in [(array.array, "?", 0, b""), (array.array, "b", -1, b""), (array.array, "b", 22, b""),
             (array.array, "d", 16, b"a"), (array.array, "b", 0, b"\x01\x02"), (array.array, "i", 8, b"\x01\x00\x00\x00"),
             (array.array, "b", 2**70, b""), (str, "b", 0, b""), (array.array, "b", 0, "")]:
    try:
        print(r(*args))
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)

print(isinstance(array.array("b"), collections.abc.MutableSequence), issubclass(array.array, collections.abc.Sequence))
print(isinstance(array.array("b"), collections.abc.Reversible))

# memoryview.cast between byte formats and native item formats, multi-dim shapes.
import sys
data = bytes(range(16))
m = memoryview(data)
for fmt in ["B", "b", "c", "H", "h", "I", "i", "L", "l", "Q", "q", "N", "n", "f", "d", "?", "@B", "@H"]:
    try:
        c = m.cast(fmt)
        print(fmt, c.format, c.itemsize, c.nbytes, c.shape, c.strides, len(c), c.tolist()[:3])
    except Exception as e:
        print(fmt, type(e).__name__, e)
le = sys.byteorder == "little"
h = memoryview(bytearray(8)).cast("H")
h[0] = 0xBEEF
h[1] = 1
h[-1] = 65535
print(h.tolist(), h.obj[:2] == (b"\xef\xbe" if le else b"\xbe\xef"), bytes(h.cast("B"))[2:4])
f = memoryview(bytearray(8)).cast("d")
f[0] = 1.5
print(f[0], f.tolist(), f.cast("B").tolist()[6:])
g = memoryview(bytearray(8)).cast("f")
g[0] = 0.1
g[1] = 2
print(g.tolist(), g[0] == 0.1)
q = memoryview(bytearray(16)).cast("q")
q[0] = -2 ** 63
q[1] = 2 ** 63 - 1
print(q.tolist())
bm = memoryview(bytearray(3)).cast("?")
bm[0] = 5
bm[1] = []
print(bm.tolist())
cm = memoryview(bytearray(b"xyz")).cast("c")
cm[0] = b"X"
print(cm.tolist(), cm[1], cm.obj)
two = memoryview(bytes(range(6))).cast("B", (2, 3))
print(two.shape, two.strides, two.ndim, two.tolist(), two[1, 2], two[-1, -3], len(two), two.nbytes, two.cast("B").tolist())
print(two[0:1].tolist(), two[::-1].tolist(), two.cast("B", [3, 2]).tolist() if False else two.cast("B").cast("B", [3, 2]).tolist())
three = memoryview(bytes(range(24))).cast("B", [2, 3, 4])
print(three.shape, three.strides, three[1, 2, 3], three.tolist()[1][0])
zero = memoryview(b"abcd").cast("I", [])
print(zero.ndim, zero.shape, zero.strides, zero.tolist() == int.from_bytes(b"abcd", sys.byteorder))
for bad in [lambda: m.cast("x"), lambda: m.cast("BB"), lambda: memoryview(b"abc").cast("H"), lambda: m.cast("H").cast("I"),
            lambda: m[::2].cast("B"), lambda: m.cast("B", [3]), lambda: m.cast("B", [0, 16]), lambda: m.cast("B", "x"),
            lambda: m.cast("B", [1.5, 2]), lambda: m.cast(1), lambda: h.__setitem__(0, 65536), lambda: h.__setitem__(0, 1.0),
            lambda: f.__setitem__(0, "x"), lambda: cm.__setitem__(0, b"ab"), lambda: cm.__setitem__(0, 1),
            lambda: two[0], lambda: two[0, 5], lambda: two[1, 2, 3], lambda: two.__setitem__(slice(0, 1), b"abc"),
            lambda: len(zero), lambda: zero[0], lambda: hash(memoryview(data).cast("H")), lambda: two.cast("B", [6]).cast("H", [1, 2])]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(m.cast("B", [16]) == m, m.cast("H") == m.cast("H"), m.cast("c") == m, memoryview(b"\x01\x00").cast("H") == memoryview(b"\x01\x00").cast("H"))

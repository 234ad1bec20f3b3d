# memoryview over bytes and bytearray: attributes, indexing, slicing,
# item assignment, tobytes/tolist/hex, comparisons, hashing.
src = b"abcdef"
m = memoryview(src)
print(m.obj is src, m.nbytes, m.readonly, m.itemsize, m.format, m.ndim, m.shape, m.strides, m.suboffsets)
print(m.c_contiguous, m.f_contiguous, m.contiguous, len(m), m[0], m[-1], bytes(m[1:3]), m[::2].tobytes(), m[::-1].tobytes())
print(m.tolist(), m[1:4].tolist(), m.hex(), m.hex(":"), m[::2].hex("-", 1), list(m[4:]), m[::2].strides, m[::2].contiguous)
s = m[1:5]
print(s.obj is src, s.nbytes, s.shape, s[1:3].tobytes(), s[::-1][0], bytes(s))
ba = bytearray(b"hello")
w = memoryview(ba)
print(w.readonly, w.obj is ba)
w[0] = 72
w[1:3] = b"EL"
w[3:5] = bytearray(b"LO")
w[::4] = memoryview(b"hh")
print(ba, w.tobytes(), w[-1])
w2 = w[1:4]
w2[0] = 33
print(ba, w2.tobytes())
print(m == src, m == b"abcdef", m == bytearray(b"abcdef"), m != b"x", m == m, m[::2] == b"ace", m == "abcdef", m == memoryview(b"abcdef"), m == [97])
print(hash(m) == hash(src), hash(m[::2]) == hash(b"ace"), hash(memoryview(b"")) == hash(b""))
for bad in [lambda: m[6], lambda: m[-7], lambda: m["x"], lambda: m.__setitem__(0, 1), lambda: w.__setitem__(0, 256),
            lambda: w.__setitem__(0, b"x"), lambda: w.__setitem__(0, -1), lambda: w.__setitem__(slice(0, 2), b"xyz"),
            lambda: w.__delitem__(0), lambda: hash(w), lambda: memoryview("str"), lambda: memoryview(5),
            lambda: m < m, lambda: m.tobytes("X"), lambda: memoryview(), lambda: w.__setitem__(1.5, 1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(m.tobytes(order="C"), m.tobytes(None), m.toreadonly().readonly, memoryview(w.toreadonly()).readonly, bytes(memoryview(m)))
print(type(m).__name__, type(iter(m)).__name__ != "", [x for x in memoryview(b"xyz")], b"".join([memoryview(b"a"), b"b"]))
print(memoryview(b"").tolist(), memoryview(b"").tobytes(), len(memoryview(b"")), memoryview(b"")[::-1].tobytes())

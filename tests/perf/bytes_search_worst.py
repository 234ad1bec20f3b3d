# bytes/bytearray search is linear in the worst case: a long needle that almost
# matches everywhere (a windowed compare is O(len * needle) and times out here).
import random

n = 1_000_000
for T in (bytes, bytearray):
    s = T(b"a" * n)
    near = b"a" * (n // 10) + b"b"
    rnear = b"b" + b"a" * (n // 10)
    print(T.__name__, s.find(near), s.rfind(rnear), s.count(near), near in s)
    print(len(s.split(near)), len(s.rsplit(rnear)), len(s.replace(near, b"x")))
    print(s.partition(near)[1], s.rpartition(rnear)[1])
    try:
        s.index(near)
    except ValueError as e:
        print(type(e).__name__, e)
    hit = s[: n // 2] + near + s[:10]
    print(hit.find(near), hit.rfind(near), hit.count(near), hit.index(near, 5), hit.rindex(near, 0, len(hit)))

# Agreement with CPython on many small cases, with start/end and single bytes.
random.seed(11)
results = []
for trial in range(3000):
    h = bytes(random.choice(b"abc") for _ in range(random.randrange(0, 14)))
    p = bytes(random.choice(b"abc") for _ in range(random.randrange(0, 4)))
    a = random.randrange(-3, 16)
    b = random.randrange(-3, 16)
    ba = bytearray(h)
    r = (h.find(p), h.rfind(p), h.count(p), h.find(p, a), h.rfind(p, a, b), h.count(p, a, b), p in h,
         ba.find(p, a, b), ba.rfind(p, a), ba.count(p, a, b))
    if p:
        r += (h.split(p), h.rsplit(p, 1), h.replace(p, b"<>"), h.partition(p), h.rpartition(p))
    if h:
        c = h[0]
        r += (h.find(c, a), h.rfind(c, a, b), h.count(c), ba.rfind(c))
    results.append(r)
import zlib
print(len(results), zlib.crc32(repr(results).encode()), results[:2])
print(b"".count(b""), b"abc".count(b"", 1), b"aaaa".count(b"aa"), b"abcabc".rfind(b"c", 0, 5))

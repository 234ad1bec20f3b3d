# Substring search in 2- and 4-byte strings is linear: find/rfind/count/in/
# index/split/replace/partition with a long needle that almost matches
# everywhere (a naive search is O(len(s) * len(needle)) and times out here).
import random

n = 200_000
for W in ("\u4e00", "\U0001f600"):
    s = W * n
    near = W * (n // 10) + "b"
    rnear = "b" + W * (n // 10)
    print(s.find(near), s.rfind(rnear), s.count(near), near in s)
    print(len(s.split(near)), len(s.rsplit(rnear)), len(s.replace(near, "x")))
    print(s.partition(near)[1] == "", s.rpartition(rnear)[1] == "")
    try:
        s.index(near)
    except ValueError as e:
        print(type(e).__name__, e)
    hit = s[:n // 2] + near + s[:10]
    print(hit.find(near), hit.rfind(near), hit.count(near), hit.index(near, 5), hit.rindex(near, 0, len(hit)))

# Agreement with CPython on many small cases over mixed widths.
random.seed(7)
alphabets = ["ab", "a\u00e9", "a\u4e00", "\u4e00\U0001f600", "ab\U0001f600"]
results = []
for trial in range(3000):
    ha = random.choice(alphabets)
    pa = random.choice(alphabets)
    h = "".join(random.choice(ha) for _ in range(random.randrange(0, 14)))
    p = "".join(random.choice(pa) for _ in range(random.randrange(1, 4)))
    a = random.randrange(-3, 16)
    b = random.randrange(-3, 16)
    results.append((
        h.find(p), h.rfind(p), h.count(p), h.find(p, a), h.rfind(p, a, b), h.count(p, a, b), p in h,
        h.split(p), h.rsplit(p), h.split(p, 1), h.rsplit(p, 1), h.replace(p, "<>"), h.replace(p, "\u4e00", 2),
        h.partition(p), h.rpartition(p),
    ))
import zlib
print(len(results), zlib.crc32(repr(results).encode()), results[:3], results[-2:])
print("".count(""), "\u4e00".count(""), "\u4e00ab".find("", 2), "\u4e00ab".rfind("", 1, 2))
print("x\u4e00y\u4e00z".split("\u4e00"), "x\u4e00y\u4e00z".rsplit("\u4e00", 1))
print("\u4e00\u4e00\u4e00".count("\u4e00\u4e00"), "\u4e00\u4e00\u4e00".replace("\u4e00\u4e00", "-"))

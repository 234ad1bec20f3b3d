# bytes/bytearray searching: find, rfind, index, rindex, count, startswith,
# endswith, `in`, with int needles, bytes-like needles and start/end.
data = b"abracadabra"
for kind in (bytes, bytearray):
    d = kind(data)
    print(kind.__name__)
    print(d.find(b"bra"), d.rfind(b"bra"), d.find(b"zz"), d.rfind(b"zz"))
    print(d.find(97), d.rfind(97), d.find(ord("d")), d.count(97), d.count(b"a"))
    print(d.find(b"a", 1), d.find(b"a", 1, 3), d.find(b"a", -4), d.find(b"a", None, -8))
    print(d.find(b""), d.find(b"", 11), d.find(b"", 12), d.rfind(b""), d.rfind(b"", 3, 5))
    print(d.count(b""), d.count(b"", 2, 5), d.count(b"abra"), d.count(b"a", 100))
    print(d.index(b"cad"), d.rindex(b"a"), d.index(98, 2), d.rindex(b"ab", 0, 8))
    print(d.find(bytearray(b"cad")), d.find(memoryview(b"dab")), d.count(memoryview(b"ra")))
    print(d.startswith(b"abr"), d.startswith(b"bra", 1), d.startswith((b"x", b"ab")), d.startswith(b"a", 20))
    print(d.endswith(b"bra"), d.endswith(b"cad", 0, 7), d.endswith((b"q", bytearray(b"ra"))), d.endswith(b""))
    print(b"cad" in d, 99 in d, 120 in d, b"" in d, bytearray(b"dab") in d, memoryview(b"rac") in d)
    for bad in [lambda: d.find("a"), lambda: d.find(256), lambda: d.find(-1), lambda: d.count(1.5),
                lambda: d.index(b"zz"), lambda: d.rindex(b"zz"), lambda: d.startswith("a"),
                lambda: d.endswith([b"a"]), lambda: d.startswith((b"a", "b")), lambda: "a" in d,
                lambda: 300 in d, lambda: d.find(b"a", "x"), lambda: d.find(), lambda: d.index(b"a", 1, 2, 3)]:
        try:
            print(bad())
        except Exception as e:
            print(type(e).__name__, e)
big = 2 ** 70
print(data.find(b"a", -big), data.find(b"a", big), data.count(b"a", 0, big))
class Idx:
    def __index__(self):
        return 5
print(data.find(b"a", Idx()), data[Idx()], bytearray(data)[Idx()])

# bytes construction, hex/fromhex, translate/maketrans, comparison, hashing,
# indexing and slicing, repetition and concatenation, repr.
print(bytes(), bytes(4), bytes([1, 2, 255]), bytes((x for x in b"gen")), bytes(range(65, 70)), bytes(b"copy"))
print(bytes(bytearray(b"ba")), bytes(memoryview(b"mv")), bytes("é€", "utf-8"), bytes("abc", encoding="ascii"), bytes("x\udcff", "utf-8", "surrogateescape"))
class WithBytes:
    def __bytes__(self):
        return b"from __bytes__"
class BadBytes:
    def __bytes__(self):
        return "nope"
class Index:
    def __index__(self):
        return 3
print(bytes(WithBytes()), bytes(Index()), bytearray(Index()))
for bad in [lambda: bytes(1.5), lambda: bytes("x"), lambda: bytes(b"x", "utf-8"), lambda: bytes(b"x", errors="strict"),
            lambda: bytes([1, "a"]), lambda: bytes([256]), lambda: bytes([-1]), lambda: bytes(-1), lambda: bytes(BadBytes()),
            lambda: bytes(object()), lambda: bytes("x", 5), lambda: bytes(x=1), lambda: bytes(2 ** 100)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
b = b"\x00\x01\xfe\xff abc"
print(b.hex(), b.hex(":"), b.hex("-", 2), b.hex("-", -2), b.hex(b"|", 3), bytearray(b).hex(" ", 4), b"".hex(":"))
print(bytes.fromhex("de ad  be ef"), bytearray.fromhex(" 0a0B "), bytes.fromhex(""), type(bytearray.fromhex("00")).__name__)
class MyBytes(bytes):
    pass
print(type(MyBytes.fromhex("41")).__name__, MyBytes.fromhex("4142"))
for bad in [lambda: bytes.fromhex("a"), lambda: bytes.fromhex("0g"), lambda: bytes.fromhex("00 0"), lambda: bytes.fromhex(b"00"),
            lambda: b"ab".hex("::"), lambda: b"ab".hex(1), lambda: b"ab".hex("é"), lambda: bytes.fromhex("é0")]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
t = bytes.maketrans(b"abc", b"xyz")
print(len(t), t[97:100], b"aabbcc".translate(t), b"abc".translate(None, b"b"), b"abcabc".translate(t, b"a"), bytearray(b"cab").translate(t))
print(b"abc".translate(None), b"abc".translate(bytearray(t)), bytearray.maketrans(b"a", b"b")[97])
for bad in [lambda: b"ab".translate(b"x"), lambda: bytes.maketrans(b"a", b"bc"), lambda: bytes.maketrans("a", "b")]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(b"abc" < b"abd", b"abc" <= b"abc", b"b" > b"abc", b"" < b"\x00", b"abc" == bytearray(b"abc"), bytearray(b"a") < b"b", b"a" == "a", b"a" != memoryview(b"a"))
print(hash(b"") == hash(""), hash(b"abc") == hash(b"abc"), hash(b"abc") == hash(bytes(bytearray(b"abc"))), {b"k": 1}[b"k"])
for bad in [lambda: b"a" < "b", lambda: b"a" < 1, lambda: hash(bytearray(b"x")), lambda: {bytearray(): 1}]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
s = b"0123456789"
print(s[0], s[-1], s[2:5], s[::2], s[::-1], s[7:2:-2], s[100:], s[-100:2], s[5:5], s[1::3], s[slice(None, None, -3)])
for bad in [lambda: s[10], lambda: s[-11], lambda: s["x"], lambda: s[1.0], lambda: s[::0], lambda: bytearray(s)[10]]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(b"ab" * 3, 2 * b"xy", b"ab" * 0, b"ab" * -1, b"a" + bytearray(b"b"), b"a" + memoryview(b"c"), bytearray(b"a") + b"b", list(b"hi"), list(reversed(b"ab")))
for bad in [lambda: b"a" + "b", lambda: "a" + b"b", lambda: b"a" * 1.5, lambda: b"a" + 1, lambda: bytearray(b"a") + "b"]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(repr(b"'"), repr(b'"'), repr(b"'\""), repr(b"\t\n\r\x00\x7f\x80\\"), repr(bytearray(b"x'y")), repr(MyBytes(b"sub")), str(b"s"))
it = iter(b"ab")
print(type(it).__name__, next(it), it.__length_hint__(), list(it), type(iter(bytearray())).__name__)
print(b"abc".__getnewargs__(), b"x".__bytes__(), bytes.__len__(b"abc"), b"a".__mul__(2), b"%s" .__mod__(b"m"))
print(len(b"\x00" * 10), bool(b""), bool(b"\x00"), sorted([b"b", b"a", b"ab"]), max(b"azb"), sum(b"\x01\x02"))

# str(), repr(), ascii(), format(), chr/ord round trips, str constructor forms.
vals = [0, -1, 3.0, 1e100, -0.0, True, None, "s", "q'uote", 'd"q', "both'\"", b"b", [1, "a"], (1,), {"k": None}, {1}, range(3), slice(1, 2)]
for v in vals:
    print(str(v), repr(v), ascii(v))
print(str(), str(123), str(b"\xc3\xa9", encoding="utf-8"))
print(repr("\t\n\r\x0b\x0c\\"), repr("\x80\u200b\U0001f600é"), ascii("\x80\u200b\U0001f600é"))
print([ord(c) for c in "aé€😀"], "".join(chr(c) for c in [72, 233, 8364, 128512]))
print(format(1234567.891, ",.2f"), format(0.000012345, ".3e"), format(42, "+08d"), format("left", "<10") + "|")
print(str(1 / 3), repr(2 / 3), str(10 ** 16 * 1.0), str(1.23e-5), str(123456789012345678), str(-2 ** 63))
class S:
    def __str__(self):
        return "S-str"
class R:
    def __repr__(self):
        return "R-repr"
print(str(S()), str(R()), repr(R()), [S()] != None, f"{S()!s} {R()!r}", "%s %r" % (S(), R()))
print(len(repr(S())) > 0, repr(S()).startswith("<__main__.S object at 0x"))
for bad in [lambda: str(1, "utf-8"), lambda: chr(1.5)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ":", e)
print("\N{GREEK SMALL LETTER ALPHA}", "\u03b1" == "α", "x\0y", len("x\0y"))

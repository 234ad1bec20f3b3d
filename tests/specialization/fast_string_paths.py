# String fast paths (str % args, split, replace, case mapping, f-string and
# format() of exact int/float/str) against the general ones: CPython's output.
# percent formatting, split, replace, case mapping through the fast paths
vals = [0, 1, -1, 7, -42, 123456, 2**40, -(2**40), 1.5, -2.25, 0.0, -0.0, 3.14159, 1e20, 1e-7, 2.675, "ab", "", "héllo", None, True, [1, 2], (3,)]
fmts = ["%s", "%r", "%5s|", "%-5s|", "%.1s|", "%8.3s|", "%d", "%5d", "%-5d|", "%05d", "%+d", "% d", "%+05d", "%-05d|", "%i",
        "%f", "%.2f", "%8.1f|", "%-8.1f|", "%08.2f", "%+.1f", "% .3f", "%.0f", "%10.4f", "x%%y%s", "%%", "%.f"]
for f in fmts:
    for v in vals:
        try:
            r = f % (v,) if f != "%%" else f % ()
        except Exception as e:
            r = type(e).__name__ + ": " + str(e)
        print(repr(f), repr(v), repr(r))
for args in [(1, 2), (1,), (), "x", 5, {"a": 1}, [1, 2]]:
    for f in ["%s %s", "%s", "%d-%d", "no spec", "%(a)s"]:
        try:
            print(repr(f), repr(args), repr(f % args))
        except Exception as e:
            print(repr(f), repr(args), type(e).__name__, e)
print("%s|%-10s|%10s|%8.1f|%s" % ("000123", "alpha", "Ahpla", 430.5, "00007b"))
print("w%d" % 5, "%5.1f%%" % 99.5, "%s and %r" % ("a", "b"))
class S(str):
    def __str__(self): return "custom"
print("%s" % S("x"), "%r" % S("x"))
for s in ["  a b  c ", "", "   ", "a\tb\nc\x1cd", "abc", "a,b,,c,", ",", "x y"]:
    print(s.split(), s.split(None, 1), s.split(","), s.split(",", 1), s.split(" "), s.split("b"), s.split("ab"), s.rsplit(), s.split(maxsplit=0))
for s in ["hello world", "", "aaaa", "abcabc"]:
    print(s.replace("l", "L"), s.replace("a", ""), s.replace("aa", "b"), s.replace("x", "y"), s.replace("", "-"), s.replace("a", "é"), s.replace("abc", "x", 1), s.replace("a", "b", 0))
s = "unchanged"
print(s.replace("q", "z") is s)
for s in ["hello World", "ABC def", "", "a1b2", "o'neil x-ray", "ÀB"]:
    print(s.upper(), s.lower(), s.title())
print(f"{5:06d}|{-5:06d}|{5:<6d}|{5:^7}|{1234567:,}|{1234567:_d}|{255:#x}|{3.5:.2f}|{2.675:.2f}|{0.125:.2f}|{1e22:.1f}|{-0.0:.1f}|{'ab':>5}|{'ab':*^6}|{7:+}|{7.0}|{True:d}|{True}")
print(format(12, "08.3f"), format(0.5, ".0f"), format(1.5, ".0f"), format(2.5, ".0f"), format(1.25, ".1f"), format(1.375, ".2f"), format(123.0625, ".3f"), format(9007199254740991.5 if False else 4503599627370495.5, ".1f"))
print(hex(0), hex(-255), oct(8), bin(-5), hex(2**70), hex(-(2**47)))

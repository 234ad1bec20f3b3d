# printf-style formatting: width/precision limits raise as CPython does
# (never an abort), '*' arguments must be ints.
import sys

cases = [
    ("%.*d", (sys.maxsize, 1)), ("%.*d", (2**31 - 1, 1)), ("%.*d", (2**31, 1)), ("%*d", (2**64, 1)),
    ("%*d", (-5, 1)), ("%.*f", (3, 1.0)), ("%*s", ("3", "a")), ("%.*s", (1.5, "ab")),
    ("%" + str(sys.maxsize + 1) + "f", (2.0,)), ("%." + str(sys.maxsize + 1) + "f", (2.0,)),
    ("%." + str(2**31) + "f", (2.0,)), ("%.100d", (1,)), ("%#.20x", (255,)), ("%-*d|", (6, 42)),
    ("%12.*f", (3, 1.0)), ("%*.*f", (10, 2, 3.14159)), ("%(a)*d", {"a": 1}),
]
for fmt, args in cases:
    for f in (fmt, fmt.encode()):
        try:
            print(repr(f % args))
        except Exception as e:
            print(type(e).__name__, e)

# Only "%%" is a literal percent; '%' after flags or a key is unsupported.
for fmt in ("%-5%", "%5%", "%(a)%", "%%", "%.2%", "% %s", "a%%b%%"):
    for args in ((), {"a": 1}, 1):
        for f in (fmt, fmt.encode()):
            try:
                print(repr(f % args))
            except Exception as e:
                print(type(e).__name__, e)
for f, a in (("%g", "1"), (b"%g", "1"), (b"%g", b"1"), ("%d", "1"), (b"%x", 1.5), ("%c", 2**40), (b"%c", 300)):
    try:
        print(repr(f % a))
    except Exception as e:
        print(type(e).__name__, e)
print("%12.*f|" % (3, 1.0), len("%.*f" % (70000, 1.0)), ("%.*e" % (70000, 2.5))[-8:], len("%.70000g" % 0.1))
print(format(1.0, ".70000f")[-3:], len(format(1e300, ".70000e")))

# bytes % formatting (PEP 461).
print(b"%s|%b" % (b"ab", bytearray(b"cd")), b"%s" % memoryview(b"mv"), b"%5s|%-5s|" % (b"r", b"l"), b"%.2s" % b"trunc")
print(b"%d %i %u" % (1, -2, 3), b"%05d" % 42, b"%+d % d" % (5, 5), b"%x %X %o %#x %#o" % (255, 255, 8, 255, 8))
print(b"%e %.2f %g %G %E" % (1.5, 2.345, 1e20, 1e-10, 12345.678), b"%10.3f|" % 3.14159, b"%-8.2f|" % 2.5)
print(b"%c%c%c" % (72, b"i", bytearray(b"!")), b"%%", b"100%%" % (), b"%r" % "x", b"%a" % "é", b"%r" % b"b", b"%a" % [1, "ü"])
print(b"%(name)s is %(age)d" % {b"name": b"Bob", b"age": 30}, b"%(x)s%(x)s" % {b"x": b"y"}, b"%s" % (b"tuple",))
class Obj:
    def __bytes__(self):
        return b"OBJ"
print(b"<%s>" % Obj(), b"%*d|%-*d|" % (5, 1, 4, 2), b"%.*f" % (2, 3.14159), b"%s" % {b"k": 1}[b"k"].to_bytes(1, "big"))
print(bytearray(b"%d-%s") % (1, b"x"), type(bytearray(b"%d") % 5).__name__, b"%d" % True, b"%x" % 3.0 if False else b"%d" % 3.99)
for fmt, args in [(b"%s", "str"), (b"%s", 5), (b"%c", 256), (b"%c", b"ab"), (b"%c", "a"), (b"%d", "x"), (b"%x", 1.5),
                  (b"%y", 1), (b"%s %s", (b"a",)), (b"%s", (b"a", b"b")), (b"%(k)s", (1,)), (b"%(k)s", {b"j": 1}),
                  (b"%(k", {b"k": 1}), (b"%", ()), (b"%d", []), (b"%b", 1.5), (b"abc", 5), (b"%(k)s", {"k": 1})]:
    try:
        print(fmt % args)
    except Exception as e:
        print(type(e).__name__, e)
# str % is unaffected and bytes args appear as their repr.
print("%s %r" % (b"x", bytearray(b"y")), "%c" % 65, "%5.1f" % 2.25)
try:
    print("%b" % 1)
except Exception as e:
    print(type(e).__name__, e)

# printf-style formatting.
print("%s %r %a" % ("é", "é", "é"))
print("%d %i %u" % (42, -7, 3), "%5d|%-5d|%05d" % (42, 42, 42), "%+d % d" % (5, 5))
print("%x %X %o %#x %#o %#X" % (255, 255, 8, 255, 8, 255))
print("%f %.2f %10.3f %-10.1f|" % (3.14159, 2.5, 1.0005, -2.25))
print("%e %.3E %g %G %g %g" % (12345.678, 0.00012, 0.0001, 1e-10, 123456789.0, 100.0))
print("%c%c" % (72, "i"), "%%", "%s" % [1, 2], "%s" % (1,), "%(a)s-%(b)d" % {"a": "x", "b": 3})
print("%*d|%-*d|%.*f" % (5, 1, 4, 2, 2, 3.14159))
print("%s" % None, "%d" % True, "%.3s" % "abcdef", "%5.1s|" % "xyz", "%r" % (1, 2)[0])
print("%d" % 3.99, "%x" % -255, "%o" % -8, "%.0f %.0f" % (0.5, 1.5), "%#.0f" % 2)
print("%s and %s" % ("a", "b"), "%-6s|%6s" % ("ab", "cd"), "%.2e" % 0, "%g" % 1e100)
print(b"%s %d %x" % (b"ab", 5, 255), b"%c" % 65, b"%r" % "x" if False else b"%5s" % b"z")
for fmt, args in [("%d", ("x",)), ("%s %s", ("a",)), ("%s", ("a", "b")), ("%z", (1,)), ("%(k)s", (1,)), ("%c", (1234567,)), ("%d", ([],))]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
print("%.15g %.17g" % (0.1, 0.1), "%f" % float("inf"), "%e" % float("-inf"), "%F" % float("nan"))
print("%10.4f|%-+8.2f|%08.3f" % (3.14159265, 2.5, -1.5))
print("%5s|%-5s|%05s" % ("a", "b", "c"), "%3c|" % "x", "%x" % 2 ** 70)

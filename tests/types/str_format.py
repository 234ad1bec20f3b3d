# str.format and format specs.
print("{} {} {}".format(1, "a", 2.5), "{0}{1}{0}".format("x", "y"), "{a}-{b}".format(a=1, b=2))
print("{:>8}|{:<8}|{:^8}|{:*^9}".format("r", "l", "c", "s"))
print("{:5d}|{:<5d}|{:05d}|{:+d}|{: d}|{:,}|{:_}".format(42, 42, 42, 42, 42, 1234567, 1234567))
print("{:x} {:X} {:o} {:b} {:#x} {:#b} {:#o} {:08b}".format(255, 255, 8, 5, 255, 5, 8, 5))
print("{:.2f} {:10.3f} {:e} {:.2E} {:g} {:%} {:.1%}".format(3.14159, 2.0, 12345.6789, 0.000123, 1e20, 0.25, 0.123))
print("{:,.2f} {:_.3f} {:>+10.2f} {:=+10.2f}".format(1234567.891, 9876.54321, 3.5, -3.5))
print("{!r} {!s} {!a}".format("é", "é", "é"), "{0[1]} {0[k]}".format({1: "one", "k": "kay"}))
print("{0.real} {0.imag}".format(5), "{:{w}.{p}f}".format(3.14159, w=10, p=3))
print("{{literal}} {}".format(1), "{:c}".format(65), "{:n}".format(1234), "{:s}".format("s"))
print(format(3.0), format(1e16), format(1e-5), format(0.1, ".3"), format(1234.5, ".3"), format(2.5, ".0f"))
print(format(123, ""), format(-0.0, "+"), format(float("inf"), ">6"), format(float("nan"), "f"))
print(format("abc", ".2"), format("abc", "^7.1"), format(10 ** 20, ","), format(-12, "#x"))
print(format(True, ""), format(True, "d"), format(12.0, "g"), format(12.5, "G"), format(1.5e-7, "g"))
print(format(1234.5678, "010.2f"), format(-5, "06d"), format(5, "<06d"), format(3.5, "e"))
for spec, val in [("d", 1.5), ("f", "x"), ("=5", "x"), ("x", 1.0), (",s", "x"), ("z", 1), (".2d", 3), ("c", -1)]:
    try:
        print(format(val, spec))
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
for fmt in ["{", "}", "{0", "{:}", "{0!x}", "{1}", "{a}"]:
    try:
        print(fmt.format(7))
    except (ValueError, IndexError, KeyError) as e:
        print(type(e).__name__ + ":", e)
print("{:.3}".format(1 / 3), "{:.0%}".format(0.5), "{:10}|".format(3.0), "{:<10}|".format(3))
print("{0:{1}}".format("x", ">4"), "{:#.3g}".format(1.0), "{:.10g}".format(123456789012))

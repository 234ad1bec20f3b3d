# round(), as_integer_ratio, is_integer and float(str) edge cases.
for x, n in [(2.675, 2), (0.125, 2), (0.375, 2), (1234.5678, -2), (-0.5, 0), (0.5, 0), (1.5, 0), (2.5, None),
             (-2.5, None), (1e300, -300), (1.7976931348623157e308, -308), (5e-324, 323), (5e-324, 324),
             (123.456, 400), (123.456, -400), (0.0, 3), (-0.0, 3), (float("inf"), 2), (float("nan"), 2),
             (1e22, -22), (5e22, -23), (4.5e15, -16), (15.0, -1), (25.0, -1), (35.0, -1), (0.05, 1), (0.15, 1),
             (0.25, 1), (1.0000000000000002, 15), (99.99, 1), (-99.95, 1), (2 ** 52 + 0.5, 0), (10 ** 15 + 0.5, 0),
             (1e-5, 5), (12345.6789, -4), (12345.6789, -5), (50000.0, -5), (150000.0, -5)]:
    try:
        r = round(x) if n is None else round(x, n)
        print(x, n, repr(r), type(r).__name__)
    except Exception as e:
        print(x, n, type(e).__name__, e)
for bad in [float("inf"), float("-inf"), float("nan")]:
    try:
        round(bad)
    except Exception as e:
        print(type(e).__name__, e)
for n in [10 ** 30, -10 ** 30, True, 2.0, "1"]:
    try:
        print(repr(round(1.5, n)))
    except Exception as e:
        print(type(e).__name__, e)
for x in [0.0, -0.0, 1.0, 0.1, -2.5, 1e300, 5e-324, 2.0 ** 60, 1 / 3, 1e-10]:
    print(x, x.as_integer_ratio(), x.is_integer(), x.__trunc__(), x.__floor__(), x.__ceil__())
for bad in [float("inf"), float("-inf"), float("nan")]:
    try:
        bad.as_integer_ratio()
    except Exception as e:
        print(type(e).__name__, e)
    print(bad.is_integer())
for s in ["1", " 1.5 ", "-1e3", "+.5", "5.", "1_000.5", "1e1_0", "inf", "-Infinity", "nAn", "-nan", "1e400",
          "-1e400", "1e-400", "0x10", "1__0", "_1", "1_", "1.e", "e5", ".", "", "   ", "1 2", "--1", "+-1",
          "1e+", "1e+5", "١٢٣.٤", "\u2003 7 \u2003", "12\x00", "infinityy", "in", "1.5j", "0.1e-1_0"]:
    try:
        print(repr(s), repr(float(s)))
    except Exception as e:
        print(repr(s), type(e).__name__, e)
for v in [b"1.5", bytearray(b"2.5") if "bytearray" in dir(__builtins__) else b"2.5", 10 ** 400, True, None, [1]]:
    try:
        print(repr(float(v)))
    except Exception as e:
        print(type(e).__name__, e)

# repr/str/format of complex numbers, with format specs and their errors.
vals = [0j, 1j, -1j, 1 + 2j, -1.5 - 2.25j, complex(-0.0, 0.0), complex(0.0, -0.0), complex(-0.0, -0.0),
        complex(1e16, 1e-5), complex(123456.789, 1e22), complex(float("inf"), float("-inf")),
        complex(float("nan"), 1), complex(1, float("nan")), complex(0.1, 0.2), complex(1e300, -1e-300)]
for v in vals:
    print(repr(v), str(v), f"{v}", f"{v!r:>30}", "{}".format(v))
specs = ["", "10", "<20", ">20", "^20", "*^24", "+", "-", " ", ".2f", ".3e", ".4g", "g", "G", "E", "F", "n", ".0f",
         "#", "#.0f", "#g", ",", "_", ",.2f", "20,.3f", "z", "z.1f", "+.2e", " .3g", ".10", ".1"]
for v in [1 + 2j, -1234.5 + 0.001j, 0.5j, complex(-0.0, -0.0), complex(float("inf"), 1e-7)]:
    for s in specs:
        try:
            print(repr(s), repr(format(v, s)))
        except Exception as e:
            print(repr(s), type(e).__name__, e)
for s in ["d", "%", "x", "s", "010", "=10", "0<10", "a=10", "#x", ".2d", "10.2q", "xx"]:
    try:
        print(repr(format(1 + 2j, s)))
    except Exception as e:
        print(repr(s), type(e).__name__, e)
print("{0.real} {0.imag} {0:.1f} {0!s:>12}".format(3 - 4j))

# format() of floats: every presentation type, precision, alignment, grouping, 'z'.
vals = [0.0, -0.0, 1.0, -1.5, 0.1, 1 / 3, 2.5, 3.5, 1234567.891, 1e16, 1e-5, 1e-4, 123456789012.0, 1e300,
        5e-324, 9.999999, 0.00001234, float("inf"), float("-inf"), float("nan")]
specs = ["", "e", "E", "f", "F", "g", "G", "n", "%", ".0e", ".1f", ".0f", ".3g", ".10g", ".0g", ".1%", "#.0f",
         "#.0e", "#g", "#.3g", "#", "10", "<12", "^12", "*>12", "=+12", "+", " ", "012", "+012.3f", "012,",
         "015,.2f", "_", "_.3f", ",.4e", "z", "z.1f", "z.0f", "z.2e", "z.2g", "z%", ".2", ".17", "#.2", "20.10e",
         ".30f", "0=12.1f", ".1f%" if False else ".2%"]
for v in vals:
    row = []
    for s in specs:
        try:
            row.append(format(v, s))
        except Exception as e:
            row.append(f"<{type(e).__name__}: {e}>")
    print(repr(v), row)
for s in ["d", "x", "c", "s", "b", ",n", "_n", "10.2d", "xx", ".f", "%%", "=", "z", ".2147483648f"]:
    try:
        print(repr(s), repr(format(2.5, s)))
    except Exception as e:
        print(repr(s), type(e).__name__, e)
print(format(2 ** 64, "e"), format(10 ** 30, ".3g"), format(7, "%"), format(True, "f"))
try:
    format(10 ** 400, "f")
except OverflowError as e:
    print("OverflowError", e)
print(f"{3.14159:.{2}f}", f"{2.5:{'^'}{9}.{1}f}", "{:.3}".format(2 / 3), "{:,.2f}".format(-98765.4321))
class F(float):
    pass
print(format(F(2.5), ".1f"), format(F(-0.0), ""), f"{F(1e20)}")

# Float formatting across f/e/g/% and repr for many magnitudes.
vals = [0.0, -0.0, 1.0, 0.5, 1 / 3, 123.456, 1e-7, 1.5e-5, 12345678.9, 1e21, 9.999999e15, 2 ** 0.5 * 1e100, 5e-324]
for v in vals:
    print(repr(v), f"{v:f}", f"{v:.3f}", f"{v:e}", f"{v:.2e}", f"{v:g}", f"{v:.3g}", f"{v:%}" if abs(v) < 1e10 else "")
for v in vals[:6]:
    print(f"{v:10.2f}|{v:<10.3}|{v:^12g}|{v:+.1f}|{v:08.2f}|{v:#.0f}|{v:#g}")
for spec in ["", ".0", ".1", ".5", ".17", "r" if False else "g", ".0e", "G", "E", "F"]:
    print(spec, format(1234.5678, spec), format(0.000012345, spec), format(float("inf"), spec), format(-float("nan"), spec))
print(f"{1e16:,.0f}", f"{1234567.0:_}", f"{0.1:.20f}", f"{2.5:.0f}", f"{3.5:.0f}", f"{-2.5:.0f}", f"{0.125:.2f}", f"{0.375:.2f}")
print(str(1e15), str(1e16), str(1.0e-4), str(1.0e-5), str(-1e100), str(float(2 ** 53)), str(0.1 * 3))

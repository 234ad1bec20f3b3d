rows = [("Widget", 3, 2.5, "ok"), ("Gadget-Extra-Long-Name", 12, 0.125, "backorder"), ("Ünïcode", 0, 1e6, "ø"), ("中文名", 7, -3.14159, "")]
hdr = "{:<12}|{:>5}|{:>12}|{:^10}".format("name", "qty", "price", "status")
print(hdr); print("-" * len(hdr))
for name, qty, price, status in rows:
    print("{:<12.12}|{:>5d}|{:>12,.3f}|{:^10}".format(name, qty, price, status or "-"))
    print(f"{name!r:<20}{qty:+05d}{price:>+12.2e}{status!a:>8}{qty:#x}{qty:c}" if qty > 0 else f"{name!s:>24}{price:%}")
print(f"{'x':{'>'}{10}}", f"{3.5:{'.'}{'3'}f}" if False else f"{3.5:.3f}", f"{'nested {braces}'}", f"{{literal}}", f"{1+1=}", f"{ 'pad' = }", f"{3.14159=:.2f}", f"{[1,2]!r:>10}")
import datetime
dt = datetime.datetime(2024, 2, 29, 13, 5, 9, 120)
print(f"{dt:%Y-%m-%d %H:%M:%S.%f}", f"{dt:%A %B %j}", f"{dt.date():%d/%m/%y}", format(dt, ""), f"{datetime.timedelta(days=1, seconds=3661)}", f"{dt!r}")
for spec in ["", "10", "<10", "^10.3", "=+10", "010", ",", "_", ".0f", "#.0f", "g", ".10g", "e", "E", "%", "n", "z.2f", "-^+#012,.2f"]:
    for v in [1234.5678, -0.0, 1e21, float("nan"), 42]:
        try:
            out = format(v, spec)
        except (ValueError, TypeError) as e:
            out = f"{type(e).__name__}: {e}"
        print(repr(spec), repr(v), repr(out))
for spec in ["s", "10s", "^5", ".2", "x", "=5", "+", ",", "#"]:
    try:
        print(repr(spec), repr(format("abc", spec)))
    except ValueError as e:
        print(repr(spec), "ValueError", e)
for spec in ["b", "o", "x", "X", "#b", "c", "d", "n", ",d", "_b", "+d", " d", "08.3", ".2f", "e", "%", "s", ",x", "_x", ",c", "=10d", "<010d"]:
    try:
        print(repr(spec), repr(format(255, spec)), repr(format(-255, spec)))
    except (ValueError, OverflowError) as e:
        print(repr(spec), type(e).__name__, e)

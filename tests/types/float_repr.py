# float repr, str, round, special values.
vals = [0.0, -0.0, 1.0, 0.1, 1 / 3, 2 / 3, 1e16, 1e-16, 1.5e300, 5e-324, 123456789.0,
        1e15, 1e16, 12345678901234567.0, 0.000123, 1e-4, 1e-5, 3.14159, 2.5, -7.25]
for v in vals:
    print(repr(v), str(v), v.is_integer(), round(v, 2), int(v) if v == v and abs(v) < 1e300 else None)
inf, nan = float("inf"), float("nan")
print(inf, -inf, nan, inf - inf, inf * 0, -inf < 0 < inf, nan != nan, nan == nan)
print(float("Infinity"), float("-iNF"), float("nan"), float("  1e3 "), float("1_0.5"))
for bad in ("", "abc", "1e", "1..0", "inf1"):
    try:
        float(bad)
    except ValueError as e:
        print("ValueError:", e)
print(round(0.5), round(1.5), round(2.5), round(-2.5), round(2.675, 2), round(1.25, 1), round(1.35, 1))
print(round(123.456, -1), round(123.456, -2), round(1e20, -5), round(5.5), type(round(5.5)).__name__)
print(round(3.0, None), type(round(3.7, 0)).__name__)
try:
    round(inf)
except OverflowError as e:
    print("OverflowError:", e)
try:
    round(nan)
except ValueError as e:
    print("ValueError:", e)
try:
    int(inf)
except OverflowError as e:
    print("OverflowError:", e)
print(1e308 * 10, -1e308 * 10, 2.0 ** 0.5, 10.0 ** -3)
print(7.0 // 2, -7.0 // 2, 7.0 % -2, -7.0 % 2, divmod(-7.5, 2), 0.0 % 5, -0.0 % 5)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    1.0 // 0.0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    2.0 ** 10000
except OverflowError as e:
    print("OverflowError:", e)
print(float(10 ** 20), 10 ** 20 / 3, 1 / 7 * 7, 0.1 * 3, sum([0.1] * 10))
print(max(1.0, 2), min(-0.0, 0.0), abs(-0.0), -0.0 == 0.0, hash(-0.0) == hash(0.0))

# float.hex/fromhex, as_integer_ratio, is_integer, conversions.
for v in (1.0, 0.5, 0.1, -2.75, 1e300, 5e-324, 0.0, -0.0, 3.0):
    print(v.hex(), float.fromhex(v.hex()) == v, v.as_integer_ratio(), v.is_integer())
print(float.fromhex("0x1.8p1"), float.fromhex("-0x1p-2"), float.fromhex("0x.8"), float.fromhex("inf"))
print(float.fromhex(" 0X1P+4 "), float.fromhex("0x1.fffffffffffffp1023"))
try:
    float.fromhex("0x1p99999")
except OverflowError as e:
    print("OverflowError:", e)
try:
    float.fromhex("zz")
except ValueError as e:
    print("ValueError:", e)
try:
    float("inf").as_integer_ratio()
except OverflowError as e:
    print("OverflowError:", e)
try:
    float("nan").as_integer_ratio()
except ValueError as e:
    print("ValueError:", e)
print((2.5).real, (2.5).imag, (2.5).conjugate(), float(True), float("-0"))
print(float.__name__, (1.5).__trunc__(), (1.5).__floor__() if hasattr(1.5, "__floor__") else "")
print(3.5 == 7 / 2, 3.5 > 3, 2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53 + 1, 2 ** 53 + 1 > 2.0 ** 53)
print(10 ** 400 > 1e308, 10 ** 400 < float("inf"), -(10 ** 400) < -1e308)
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
try:
    10 ** 400 / 1
except OverflowError as e:
    print("OverflowError:", e)
print(1e16 + 1, 9007199254740993 / 1, 2 ** 1000 / 2 ** 999)
print(float("1e-400"), float("-1e400"), 1e-320 / 10)
print(divmod(5.0, 0.3), 5.0 % 0.3, 1.1 + 2.2, 3.3 - 1.1)

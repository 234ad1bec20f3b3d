# float.hex / float.fromhex round trips, rounding and errors.
import sys
vals = [0.0, -0.0, 1.0, -1.0, 0.5, 0.1, 1 / 3, 2.0 ** -1074, 2.0 ** -1022, 2.0 ** -1023, 1.7976931348623157e308,
        123456.789, 1e-300, float("inf"), float("-inf"), float("nan"), 3.0, 1024.0, 2.0 ** -52]
for v in vals:
    h = v.hex()
    back = float.fromhex(h)
    print(h, back == v or (back != back and v != v), repr(back))
for s in ["0x1p0", "0X1P+0", "1", "0x.8", "0x1.", "-0x1.8p1", "  0xap-2  ", "0x1.fffffffffffff8p1023",
          "0x1.fffffffffffff7p1023", "0x0.00000000000008p-1022", "0x0.00000000000008000001p-1022",
          "0x1p-1075", "0x1.0000000000001p-1075", "0x1p-1076", "0x3p-1076", "0x1.00000000000008p0",
          "0x1.00000000000018p0", "0x1.000000000000080001p0", "inf", "-Infinity", "nan", "+NaN", "0x0p100000",
          "0x1p-100000", "0x1p100000", "0x1p1024", "0x.1p1028", "1e10", "0x", "0xp1", "0x1p", "0x1p+", "x1",
          "0x1 p1", "0x1.2.3", "", " ", "0x1_0", "infinit", "0x1p1000000000000000000000", "000x1", "0x00001.0p-4",
          "0xABCDEFp-24", "0x.000001p24"]:
    try:
        print(repr(s), repr(float.fromhex(s)))
    except Exception as e:
        print(repr(s), type(e).__name__, e)
class F(float):
    pass
f = F.fromhex("0x1.8p1")
print(type(f).__name__, f)
try:
    float.fromhex(1.0)
except TypeError as e:
    print("TypeError", e)
print(float.__getformat__("double"), float.__getformat__("float"))
for a in ["int", 1]:
    try:
        float.__getformat__(a)
    except Exception as e:
        print(type(e).__name__, e)

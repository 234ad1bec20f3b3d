# _testcapi.float_pack / float_unpack (PyFloat_Pack2/4/8, PyFloat_Unpack2/4/8):
# half, single and double formats in both byte orders, overflow, NaN and
# infinity, subnormals, argument errors; and the float limits.
import _testcapi as t, array, math
for a in [(2, 'x', 1), (3, 1.0, 1), (2, 1e10, 1), (4, 1e300, 0), (8, 1e300, 0), (2, 1, 1), (2.0, 1, 1), (2, 1.0), (2, 1.0, 1, 2), (2, 1.0, 2.5), (2, 2**1100, 1), (2, float('nan'), 0), (4, float('-nan'), 0), (8, float('nan'), 1), (4, 3.40282356e38, 1), (2, 65504.0, 0), (2, 65520.0, 0), (2, 6e-8, 1), (4, 1e-46, 1)]:
    try: print(t.float_pack(*a))
    except Exception as e: print(type(e).__name__, e)
for a in [(b'abc', 1), ('ab', 1), (b'\x00\x7c', 1), (b'ab',), (3, 1), (b'ab', 2**40), (b'ab', 'x'),(b'\x00\x7e', 1),(b'\x01\x7e', 1), (b'\x00\x00\x80\x7f', 1), (b'\x7f\xf0\x00\x00\x00\x00\x00\x01', 0)]:
    try: print(t.float_unpack(*a))
    except Exception as e: print(type(e).__name__, e)
for v in [1.0, 1.5, 2.0**100, 1/7, math.pi, math.inf, -0.0]:
    for size in (2, 4, 8):
        for le in (0, 1):
            try:
                d = t.float_pack(size, v, le)
                print(size, le, d, t.float_unpack(d, le))
            except OverflowError as e:
                print(size, le, "OverflowError", e)
print(t.FLT_MAX, t.FLT_MIN, t.DBL_MAX, t.DBL_MIN)

for a in [bytearray(b"ab"), memoryview(b"abcd"), array.array("b",[1,2])]:
    try: t.float_unpack(a, 1)
    except Exception as e: print(type(e).__name__, e)

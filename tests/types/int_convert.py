# int(str, base) rules, to_bytes/from_bytes, bit_count, as_integer_ratio, the digit limit.
import sys

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

for s, b in [("10", 10), ("  -42  ", 10), ("+7", 10), ("0x1f", 16), ("0X1F", 0), ("1f", 16), ("0b101", 0),
             ("0o17", 0), ("017", 0), ("0", 0), ("000", 0), ("0_0", 0), ("1_000", 10), ("1__0", 10), ("_1", 10),
             ("1_", 10), ("0x_1f", 0), ("0x_1f", 16), ("z", 36), ("Z", 36), ("10", 2), ("12", 2), ("", 10),
             (" ", 10), ("1 0", 10), ("١٢٣", 10), ("٣٤", 0), ("1e5", 10), ("1.0", 10), ("0b", 0), ("0x", 16),
             ("-0x10", 16), ("- 1", 10), ("\t\n12\r", 10), ("9" * 30, 10), ("ff", 15), ("10", 1), ("10", 37),
             ("10", -1), ("10", 0)]:
    show(f"int({s!r}, {b})", lambda: int(s, b))
show("int bytes", lambda: int(b"  12 "))
show("int bytes base", lambda: int(b"ff", 16))
show("int float base", lambda: int(1.5, 10))
show("int int base", lambda: int(5, 10))
show("int base only", lambda: int(base=10))
show("int kw", lambda: int("11", base=2))
show("int float", lambda: (int(3.99), int(-3.99), int(1e20), int(-0.0)))
show("int inf", lambda: int(float("inf")))
show("int nan", lambda: int(float("nan")))
show("int none", lambda: int(None))
show("int list", lambda: int([1]))
class T:
    def __trunc__(self):
        return 7
class IX:
    def __index__(self):
        return 8
class IN:
    def __int__(self):
        return 9
show("int index", lambda: int(IX()))
show("int int", lambda: int(IN()))
for v in [0, 1, -1, 255, 256, -256, 2 ** 64, -(2 ** 63), 10 ** 30]:
    show(f"bit_count {v}", lambda: (v.bit_count(), v.bit_length(), v.as_integer_ratio()))
for v, n, order, signed in [(0, 1, "big", False), (255, 1, "big", False), (256, 2, "little", False),
                            (-1, 1, "big", True), (-128, 1, "big", True), (-129, 1, "big", True),
                            (127, 1, "big", True), (128, 1, "big", True), (2 ** 64, 9, "little", False),
                            (-1, 4, "little", False), (1, 0, "big", False), (0, 0, "big", False), (5, -1, "big", False),
                            (-(2 ** 63), 8, "big", True), (1000, 2, "middle", False)]:
    show(f"to_bytes {v} {n} {order} {signed}", lambda: v.to_bytes(n, order, signed=signed))
show("to_bytes default", lambda: (65).to_bytes())
show("to_bytes kw", lambda: (65).to_bytes(length=2, byteorder="little"))
for data, order, signed in [(b"\x00\x01", "big", False), (b"\x00\x01", "little", False), (b"\xff", "big", True),
                            (b"\xff\xff", "little", True), (b"", "big", True), (b"\x80" + b"\x00" * 10, "big", True),
                            ([1, 2], "big", False), (b"\x05", "big", False)]:
    show(f"from_bytes {data!r} {order} {signed}", lambda: int.from_bytes(data, order, signed=signed))
show("from_bytes str", lambda: int.from_bytes("ab", "big"))
show("from_bytes default", lambda: int.from_bytes(b"\x01\x00"))
class MyInt(int):
    pass
show("from_bytes subclass", lambda: type(MyInt.from_bytes(b"\x01", "big")).__name__)
print(sys.get_int_max_str_digits())
show("str limit", lambda: str(10 ** 4300))
show("str limit ok", lambda: len(str(10 ** 4299)))
show("int limit", lambda: int("1" * 4301))
show("int limit zeros", lambda: int("0" * 4301))
show("int limit ok", lambda: int("1" * 4300) % 1000)
show("int limit bad tail", lambda: int("1" * 4301 + "x"))
show("int limit hex", lambda: int("f" * 5000, 16) % 1000)
show("int limit base 3", lambda: int("1" * 4301, 3))
show("repr limit", lambda: repr(-10 ** 5000))
show("format limit", lambda: format(10 ** 5000, "d"))
show("format hex ok", lambda: len(format(10 ** 5000, "x")))
show("fstring limit", lambda: f"{10 ** 5000}")
show("set bad", lambda: sys.set_int_max_str_digits(100))
sys.set_int_max_str_digits(0)
show("unlimited", lambda: len(str(10 ** 5000)))
show("unlimited parse", lambda: int("7" * 6000) % 97)
sys.set_int_max_str_digits(5000)
show("new limit", lambda: len(str(10 ** 4999)))
show("new limit err", lambda: int("1" * 5001))
sys.set_int_max_str_digits(4300)

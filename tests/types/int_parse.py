# int(str, base), int() errors, to_bytes/from_bytes.
print(int("ff", 16), int("0xff", 0), int("0o17", 0), int("0b101", 0), int("z", 36))
print(int("1_000_000"), int("  -12  "), int("+5"), int("\t42\n"))
print(int("777", 8), int("-101", 2), int("10", 36), int("0", 0))
for bad in ("", "1.5", "abc", "1__0", "_1", "0x", "09"):
    try:
        print(int(bad, 0) if bad == "09" else int(bad))
    except ValueError as e:
        print("ValueError:", e)
try:
    int("12", 1)
except ValueError as e:
    print("ValueError:", e)
try:
    int(None)
except TypeError as e:
    print("TypeError:", e)
try:
    int("5", base=10.0)
except TypeError as e:
    print("TypeError:", e)
print(int(True), int(3.7), int(-0.9), int("12", base=3))
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (0).to_bytes(1, "big"))
print((-1).to_bytes(2, "big", signed=True), (255).to_bytes(1, "big"))
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError:", e)
try:
    (-1).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError:", e)
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"))
print(int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes(b"", "big"))
print(int.from_bytes([1, 2, 3], "big"), (2 ** 64).to_bytes(9, "big"))
print(int("123456789012345678901234567890"), int("-0b11", 0))
print(int.__name__, int("  1_2  "), int(b"42"))

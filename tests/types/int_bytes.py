# int.to_bytes / from_bytes round trips at sign and length edges.
for n in [0, 1, 127, 128, 255, 256, -1, -128, -129, -256, 32767, -32768, 2 ** 63, -(2 ** 63), 2 ** 64 - 1]:
    row = []
    for length in (1, 2, 8, 9):
        for order in ("big", "little"):
            for signed in (False, True):
                try:
                    b = n.to_bytes(length, order, signed=signed)
                    back = int.from_bytes(b, order, signed=signed)
                    row.append("".join("%02x" % x for x in b) + ("" if back == n else "!"))
                except OverflowError as e:
                    row.append("OF")
    print(n, " ".join(row))
print((5).to_bytes(), int.from_bytes(b"\x05"), (1).to_bytes(2, byteorder="little"), (0).to_bytes(0, "big"))
print(int.from_bytes(b"\x80", "big", signed=True), int.from_bytes(b"\x00\x80", "little", signed=True), int.from_bytes((1, 2), "little"))
print((1000).bit_count(), (-7).bit_count(), (2 ** 100 - 1).bit_count(), (0).bit_count())
class MyInt(int):
    pass
m = MyInt.from_bytes(b"\x01\x02", "big")
print(m, type(m).__name__)
for bad in [lambda: (1).to_bytes(1, "middle"), lambda: (1).to_bytes(-1, "big"), lambda: (0).to_bytes(0, "big") + (1).to_bytes(0, "big")]:
    try:
        print(bad())
    except (ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)

# struct.pack_into writes into any writable buffer (bytearray, array,
# memoryview) and reports bad offsets as CPython does; 'p' fields; formats
# with NUL characters.
import array
import struct

for buf in (bytearray(12), array.array("i", [0] * 3), memoryview(bytearray(12)), array.array("B", [0] * 12)):
    struct.pack_into("<hi", buf, 2, 0x1234, -5)
    print(type(buf).__name__, bytes(buf))
    s = struct.Struct(">I")
    s.pack_into(buf, -4, 0xDEADBEEF)
    print(bytes(buf), s.unpack_from(buf, 8))

cases = [
    (bytearray(10), 8), (bytearray(10), -2), (bytearray(1), 5), (bytearray(10), 2**63 - 1),
    (bytearray(10), -11), (bytearray(10), -10), (bytearray(4), 0), (bytearray(3), 0),
]
for buf, off in cases:
    try:
        struct.pack_into("i", buf, off, 1)
        print("ok", bytes(buf))
    except (struct.error, IndexError, OverflowError) as e:
        print(type(e).__name__, e)

for bad in (b"abc", "abc", memoryview(b"abc"), 5):
    try:
        struct.pack_into("b", bad, 0, 1)
    except TypeError as e:
        print("TypeError", e)

for code, data in [("p", b"abc"), ("1p", b"abc"), ("2p", b"abc"), ("4p", b"abc"), ("6p", b"abc"),
                   ("300p", b"x" * 300), ("1000p", b"y" * 1000), ("256p", b"z" * 255)]:
    packed = struct.pack(code, data)
    (back,) = struct.unpack(code, packed)
    print(code, packed[:4], len(packed), len(back), back[:3])

for fmt in ("\0", "2\0i", b"\0", b"i\0", "i"):
    try:
        print(struct.calcsize(fmt))
    except struct.error as e:
        print("struct.error", e)
    try:
        struct.Struct(fmt)
    except struct.error as e:
        print("Struct:", e)

for off in (8, -2, -4, -11, -10, 2**63 - 1, 6, 0):
    try:
        print(struct.unpack_from("i", b"0123456789", off))
    except struct.error as e:
        print("struct.error", e)
    try:
        print(struct.Struct("<h").unpack_from(bytearray(b"0123456789"), offset=off))
    except struct.error as e:
        print("struct.error", e)

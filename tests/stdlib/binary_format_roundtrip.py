import struct, io, zlib, binascii, array, sys
from dataclasses import dataclass

MAGIC = b"PYRT"
HDR = struct.Struct("<4sHHI")
REC = struct.Struct("<iqd8s?")

@dataclass
class Rec:
    a: int
    b: int
    c: float
    tag: bytes
    flag: bool

def write(recs):
    body = bytearray()
    for r in recs:
        body += REC.pack(r.a, r.b, r.c, r.tag, r.flag)
    crc = zlib.crc32(body)
    return HDR.pack(MAGIC, 1, len(recs), crc) + bytes(body)

def read(buf):
    magic, ver, n, crc = HDR.unpack_from(buf, 0)
    if magic != MAGIC:
        raise ValueError(f"bad magic {magic!r}")
    body = memoryview(buf)[HDR.size:]
    if zlib.crc32(body) != crc:
        raise ValueError("crc mismatch")
    return [Rec(*t) for t in REC.iter_unpack(body)]

recs = [Rec(1, -2**40, 3.5, b"abc", True), Rec(-7, 2**62, -0.0, b"12345678", False), Rec(0, 0, float("inf"), b"", True)]
blob = write(recs)
print(len(blob), HDR.size, REC.size, blob[:16].hex(" ", 4), binascii.crc32(blob))
back = read(blob)
print(back)
print(back == [Rec(r.a, r.b, r.c, r.tag.ljust(8, b"\0"), r.flag) for r in recs])
bad = bytearray(blob); bad[20] ^= 0xFF
for b in [bytes(bad), b"XXXX" + blob[4:], blob[:10]]:
    try:
        read(b)
    except (ValueError, struct.error) as e:
        print(type(e).__name__, e)
for fmt, args in [("<h", (40000,)), ("B", (-1,)), ("<i", ("x",)), ("3s", (b"ab", 1)), ("<e", (1e10,)), ("q", (2**63,)), ("?", ()), ("<Q", (1.0,)), ("zz", (1,)), ("c", (b"ab",))]:
    try:
        print(struct.pack(fmt, *args))
    except (struct.error, OverflowError, TypeError) as e:
        print(fmt, type(e).__name__, e)
print(struct.calcsize("@bhiq"), struct.calcsize("=bhiq"), struct.unpack(">HhL", b"\xff\xfe\x80\x00\x00\x00\x00\x01"))
print(struct.pack(">e", 0.1), struct.unpack("<f", struct.pack("<f", 0.1)), struct.pack("5p", b"hello world"), struct.unpack("5p", b"\x09abcd"))
ba = bytearray(b"hello world")
ba[0:5] = b"HOWDY"; ba.extend(b"!!"); ba.insert(0, 62); del ba[-1]
print(ba, ba.find(b"o"), ba.upper(), ba.split(), bytes(ba).partition(b" "), ba.hex(), bytearray.fromhex("de ad be ef"))
mv = memoryview(ba)
print(mv[1:4].tobytes(), mv.nbytes, mv.readonly, mv[0], list(mv[:3]))
try:
    ba.append(1)
except BufferError as e:
    print("BufferError", e)
mv.release()
ba.append(33); print(ba)
for bad in [lambda: ba.append(256), lambda: ba.append("a"), lambda: bytes([1, 2, 300]), lambda: bytes("abc"), lambda: b"a" + "b", lambda: ba.decode("ascii", "strict") + b"\xff".decode("utf-8"), lambda: bytearray(-1), lambda: b"abc"[5], lambda: b"%d" % "x"]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
arr = array.array("i", [1, 2, 3])
arr.append(4); arr.byteswap()
print(arr, arr.tobytes()[:8], arr.itemsize, array.array("d", b"\x00" * 16), array.array("u", "héllo"))
s = io.BytesIO()
s.write(b"\x00\x01"); s.write(struct.pack("<I", 0xdeadbeef)); s.seek(0)
print(s.read(2), hex(struct.unpack("<I", s.read(4))[0]), s.read(), s.tell(), s.getvalue())
print(int.from_bytes(b"\x01\x00", "little"), (1024).to_bytes(4, "big"), (-1).to_bytes(2, "big", signed=True), int.from_bytes(b"\xff", "big", signed=True))
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print(e)
print(zlib.decompress(zlib.compress(b"a" * 1000, 9))[:10], len(zlib.compress(b"a" * 1000)), binascii.b2a_base64(b"\x00\xff"), binascii.unhexlify("414243"))

# memoryview lifetime: release, context manager, exports blocking bytearray
# resizes, and memoryviews accepted wherever a bytes-like object is.
ba = bytearray(b"data")
m = memoryview(ba)
for op in [lambda: ba.append(1), lambda: ba.extend(b"x"), lambda: ba.pop(), lambda: ba.clear(), lambda: ba.insert(0, 1),
           lambda: ba.remove(100), lambda: ba.__delitem__(0), lambda: ba.__setitem__(slice(0, 1), b"xy"),
           lambda: ba.__iadd__(b"x"), lambda: ba.__imul__(2)]:
    try:
        op()
        print("ok", ba)
    except BufferError as e:
        print("BufferError", e)
ba[0] = 68
ba[1:3] = b"AT"
ba.reverse()
print(ba, m.tobytes())
m2 = m[1:]
m.release()
m.release()
try:
    ba.append(33)
except BufferError as e:
    print("still exported:", e)
m2.release()
ba.append(33)
print(ba)
with memoryview(ba) as v:
    print(v[0], v.obj is ba)
for op in [lambda: v[0], lambda: len(v), lambda: v.tobytes(), lambda: v.obj, lambda: v.nbytes, lambda: v.format,
           lambda: v.cast("B"), lambda: memoryview(v), lambda: bytes(v), lambda: v == v, lambda: v == b"x", lambda: hash(v),
           lambda: v.__enter__(), lambda: b"x" + v, lambda: v.tolist(), lambda: v.hex(), lambda: v.shape]:
    try:
        print(op())
    except Exception as e:
        print(type(e).__name__, e)
print(repr(v).startswith("<released memory at 0x"), repr(memoryview(b"")).startswith("<memory at 0x"))
ba.append(1)
ba.clear()
print(ba)
mv = memoryview(b"hello world")
print(mv[6:].tobytes().upper(), b"-".join([mv[:5], mv[6:]]), bytes(mv[:5]) + mv[5:], bytearray(mv[:2]), b"o" in bytes(mv))
print(b"hello world".startswith(mv[:5]), b"x".join([mv[0:1]]), b"abc".replace(memoryview(b"b"), memoryview(b"B")), int.from_bytes(memoryview(b"\x01\x00"), "little"))
print(mv[:5].tobytes().decode(), str(mv[:5], "ascii"), bytes(mv).split(memoryview(b" ")), bytearray(b"xy") + mv[:1])
try:
    "x".join([mv])
except TypeError as e:
    print("TypeError", e)

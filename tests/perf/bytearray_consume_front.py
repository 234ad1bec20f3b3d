# Consuming a bytearray from the front (`del buf[:k]`, `del buf[0]`) is O(k),
# as CPython's ob_start makes it; moving the whole rest each time is
# quadratic and times out here.
n = 8_000_000
buf = bytearray(b"0123456789" * (n // 10))
chunks = 0
total = 0
while buf:
    total += buf[0]
    del buf[:7]
    chunks += 1
print(chunks, total, len(buf))

buf = bytearray(range(256)) * 400
s = 0
while buf:
    s += buf[0]
    del buf[0]
print(s)

# The view of the remaining bytes stays right through every operation.
b = bytearray(b"abcdefghijklmnopqrstuvwxyz")
del b[:3]
print(b, len(b), b[0], b[-1], b.find(b"xyz"), bytes(b[:4]), b.hex()[:8])
b.append(33)
b.extend(b"??")
print(b)
del b[:2]
b[0:0] = b"<<"
print(b, b.index(b"j"))
del b[0]
b.insert(0, 64)
print(b, b.pop(0), b.pop(), b)
del b[:0]
del b[:-20]
print(b, len(b))
m = memoryview(b)
try:
    del b[:2]
except BufferError as e:
    print(type(e).__name__, e)
print(bytes(m[:3]), m.nbytes)
m.release()
del b[:2]
m = memoryview(b)
m[0] = 90
print(b, bytes(m[-2:]))
m.release()
b[:5] = b""
print(b, b + b"!", b * 2, b == bytearray(b[:]), hash(bytes(b)) == hash(bytes(b)))
c = bytearray(b"xy") * 3
del c[:1]
c *= 2
print(c, c.upper(), c.replace(b"y", b"Y"), c.split(b"x"), c.decode())
del c[:]
print(c, len(c))
import pickle, copy
d = bytearray(b"hello world")
del d[:6]
print(pickle.loads(pickle.dumps(d)), copy.copy(d), d.__reduce_ex__(2)[1][:1], d.__alloc__() >= len(d) + 1)

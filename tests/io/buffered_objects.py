# Buffered classes built by hand over FileIO: sizes, peek/read1/readinto, detach, RWPair.
import _io
from _iohelp import remove

path = "_tmp_buffered_objects.bin"
raw = _io.FileIO(path, "w")
w = _io.BufferedWriter(raw, buffer_size=4)
print(w.raw is raw, w.name == path, w.mode, w.closed, w.writable(), w.readable(), w.seekable())
print(w.write(b"ab"), raw.tell(), w.tell())
print(w.write(b"cdef"), raw.tell(), w.tell())
w.flush()
print(raw.tell())
print(w.write(b"0123456789" * 3), w.tell())
d = w.detach()
print(d is raw, d.closed)
for op in ["flush", "tell", "write", "raw", "closed", "name"]:
    try:
        x = getattr(w, op)
        if callable(x):
            x(b"x") if op == "write" else x()
    except ValueError as e:
        print(op, "ValueError", e)
print(repr(w))
raw.close()

r = _io.BufferedReader(_io.FileIO(path, "r"), 5)
print(r.peek()[:5], r.read1(2), r.read1(100), r.read(3), r.tell())
print(r.read(0), r.peek(0)[:3], r.readline(), r.read1(), r.read())
r.seek(0)
print(r.readline(4), r.readline(), r.tell())
r.seek(0)
print(next(r), r.readlines())
r.seek(3)
r.seek(2, 1)
print(r.read(2), r.tell(), r.seek(-1, 2), r.read())
try:
    r.seek(0, 3)
except ValueError as e:
    print("ValueError", e)
try:
    r.read(-2)
except ValueError as e:
    print("ValueError", e)
try:
    r.seek("x")
except TypeError as e:
    print("TypeError", e)
r.close()
print(r.closed, r.raw.closed)

x = _io.BufferedRandom(_io.FileIO(path, "r+"), 8)
print(x.read(4), x.tell())
x.write(b"WXYZ")
print(x.tell())
x.seek(0)
print(x.read(10))
x.seek(0, 2)
x.write(b"tail")
x.seek(-6, 2)
print(x.read())
print(x.truncate(6), x.tell())
x.seek(0)
print(x.read())
x.close()
x.close()
print(x.closed)

for bad in [0, -1]:
    try:
        _io.BufferedReader(_io.FileIO(path, "r"), bad)
    except ValueError as e:
        print("ValueError", e)
try:
    _io.BufferedWriter(_io.FileIO(path, "r"))
except Exception as e:
    print(type(e).__name__, e)
try:
    _io.BufferedReader(_io.FileIO(path, "w"))
except Exception as e:
    print(type(e).__name__, e)

from _io import BytesIO
pair = _io.BufferedRWPair(BytesIO(b"incoming data"), BytesIO())
print(pair.read(8), pair.peek(1)[:1], pair.read1(3), pair.readable(), pair.writable(), pair.closed)
print(pair.write(b"out"), pair.flush())
pair.close()
print(pair.closed)
with _io.BufferedReader(BytesIO(b"from bytesio\nline2")) as br:
    print(br.readline(), br.read(), br.raw.getvalue()[:4])
print(br.closed)
remove(path)

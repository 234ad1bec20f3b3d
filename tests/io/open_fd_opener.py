# open() over descriptors, closefd, opener, buffering sizes, open_code, FileIO details.
import _io
from _iohelp import remove

path = "_tmp_open_fd_opener.txt"
with open(path, "w") as f:
    f.write("0123456789\nabc\n")

calls = []
def opener(name, flags):
    calls.append(name)
    raw = _io.FileIO(name, "r", closefd=False) if False else None
    return keep.fileno()

keep = open(path, "rb", buffering=0)
f = open(path, opener=lambda name, flags: keep.fileno(), closefd=True)
print(f.read(4), f.buffer.raw.closefd, f.name)
f.close()
try:
    keep.read()
except ValueError as e:
    print("ValueError", e)
try:
    keep.fileno()
except ValueError as e:
    print("ValueError", e)
keep.close()

def bad_opener(name, flags):
    return -5
try:
    open(path, opener=bad_opener)
except ValueError as e:
    print("ValueError", e)
try:
    open(path, opener=lambda n, f: "x")
except TypeError as e:
    print("TypeError", e)

outer = open(path, "rb", buffering=0)
fd = outer.fileno()
g = open(fd, closefd=False)
print(g.name == fd, g.readline(), g.buffer.raw.closefd, repr(g.buffer.raw).startswith("<_io.FileIO name=%d" % fd))
g.close()
print(outer.closed, outer.read(3))
h = open(fd, "rb")
print(h.name == fd, h.read(2))
h.close()
try:
    outer.read()
except OSError as e:
    print("OSError", e.errno)
outer.close()

for size in [1, 2, 7, 4096, 100000]:
    with open(path, "rb", buffering=size) as b:
        print(size, b.read(3), b.read1(100), b.readline(), b.read())
with open(path, buffering=1) as t:
    print(t.line_buffering, t.readline(), t.buffer.raw.name == path)
with _io.open_code(path) as c:
    print(type(c).__name__, c.mode, c.read(5))
try:
    _io.open_code(5)
except TypeError as e:
    print("TypeError", e)

raw = _io.FileIO(path, "r+")
print(raw.mode, raw.readable(), raw.writable(), raw.seekable(), raw.isatty(), raw.closefd, raw.name == path)
print(raw.read(3), raw.tell(), raw.seek(-2, 2), raw.read(), raw.seek(0), raw.readall())
print(raw.seek(4), raw.write(b"XY"), raw.tell(), raw.truncate(8), raw.seek(0), raw.read())
print(raw.truncate(), raw.tell())
raw.close()
print(repr(raw), raw.closed)
raw2 = _io.FileIO(path, "wb")
print(raw2.mode, repr(raw2).endswith("mode='wb' closefd=True>"))
raw2.close()
raw3 = _io.FileIO(path, "a+")
print(raw3.mode, raw3.tell(), raw3.write(b"appended"), raw3.seek(0), raw3.read())
raw3.close()
print(_io.FileIO(path, "rb").mode, _io.FileIO(path, "ab").mode)
remove(path)

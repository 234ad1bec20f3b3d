# Binary files: BufferedReader/Writer/Random and unbuffered FileIO.
from _iohelp import remove

path = "_tmp_open_binary_basic.bin"
with open(path, "wb") as f:
    print(type(f).__name__, f.mode, f.name, type(f.raw).__name__, f.raw.mode, f.raw.closefd)
    print(f.write(b"hello\nworld\n"), f.write(bytes(range(250, 256))), f.tell())
    print(f.writable(), f.readable(), f.seekable())
with open(path, "rb") as f:
    print(type(f).__name__, f.mode)
    print(f.read(3), f.peek(2)[:2], f.read1(3), f.tell())
    print(f.readline(), f.readline(3), f.readline())
    print(f.read(), f.read(), f.read(10))
    f.seek(-3, 2)
    print(f.tell(), f.read())
    f.seek(2)
    f.seek(2, 1)
    print(f.read(2))
    f.seek(0)
    print(list(f))
    f.seek(0)
    print(f.readlines())
    f.seek(0)
    print(f.readlines(4))
with open(path, "r+b") as f:
    print(type(f).__name__, f.mode)
    print(f.read(5))
    f.write(b"!!")
    print(f.tell())
    f.seek(0)
    print(f.read(12))
    f.seek(0, 2)
    f.write(b"END")
    f.seek(0)
    print(f.read())
    print(f.truncate(5), f.tell())
    f.seek(0)
    print(f.read())
with open(path, "ab") as f:
    print(f.tell(), f.mode)
    f.write(b"++")
with open(path, "rb", buffering=0) as f:
    print(type(f).__name__, f.mode, f.closefd, f.readable(), f.writable())
    print(f.read(2), f.readall(), f.read(), f.read(5))
    print(f.seek(0), f.read())
with open(path, "wb", buffering=0) as f:
    print(f.write(b"abc"), f.tell())
    print(repr(f) == "<_io.FileIO name='%s' mode='wb' closefd=True>" % path)
print(repr(f))
with open(path, "rb") as f:
    print(repr(f) == "<_io.BufferedReader name='%s'>" % path)
    ba = bytearray(5) if "bytearray" in dir(__builtins__) else None
    print(f.read(-1))
f = open(path, "rb")
f.close()
for op, args in (("read", ()), ("read1", ()), ("peek", ()), ("readline", ()), ("seek", (0,)), ("tell", ()), ("flush", ())):
    try:
        getattr(f, op)(*args)
    except ValueError as e:
        print(op, "ValueError", e)
w = open(path, "wb")
w.close()
try:
    w.write(b"x")
except ValueError as e:
    print("write ValueError", e)
try:
    open(path, "rb").write(b"x")
except Exception as e:
    print(type(e).__name__, e)
try:
    open(path, "wb").read()
except Exception as e:
    print(type(e).__name__, e)
try:
    open(path, "wb").write("text")
except TypeError as e:
    print("TypeError", e)
remove(path)

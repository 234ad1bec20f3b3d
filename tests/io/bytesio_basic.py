# BytesIO: read/write/seek whence/readline/truncate/readinto/errors.
from _io import BytesIO

b = BytesIO()
print(b.write(b"hello"), b.write(b" world\n"), b.tell(), b.getvalue())
print(b.readable(), b.writable(), b.seekable(), b.closed, b.isatty(), b.flush())
b.seek(0)
print(b.read(5), b.read1(3), b.read(), b.read(), b.tell())
print(b.seek(-3, 2), b.read(), b.seek(-2, 1), b.read(1), b.seek(100), b.tell(), b.read())
b.write(b"z")
print(len(b.getvalue()), b.getvalue()[-3:])
print(b.truncate(4), b.getvalue(), b.tell())
b.seek(0)
b.write(b"HE")
print(b.getvalue())
b = BytesIO(b"l1\nl2\nl3")
print(b.readline(), b.readline(1), b.readline(), b.readline(), b.readline())
b.seek(0)
print(list(b))
b.seek(0)
print(b.readlines(), b.readlines())
b.seek(0)
print(b.readlines(2))
b = BytesIO(initial_bytes=b"abc")
print(b.read())
b.writelines([b"x", b"yz"])
print(b.getvalue())
for f in [lambda: b.seek(-1), lambda: b.seek(0, 5), lambda: b.truncate(-1), lambda: b.write("x"),
          lambda: BytesIO("x"), lambda: b.read("a"), lambda: b.seek(1.5), lambda: b.readinto(b"xx"),
          lambda: b.seek(-100, 1), lambda: b.tell(), lambda: b.write(5)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
with BytesIO(b"data") as c:
    print(c.read())
print(c.closed)
for op in ["read", "getvalue", "tell", "readable", "readline", "flush", "isatty", "__next__"]:
    try:
        getattr(c, op)()
    except ValueError as e:
        print(op, "ValueError", e)
try:
    c.write(b"")
except ValueError as e:
    print("write ValueError", e)
print(repr(BytesIO())[:20])

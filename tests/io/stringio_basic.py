# StringIO: read/write/seek/tell/truncate, lines, errors, closed.
from _io import StringIO

s = StringIO()
print(s.write("hello"), s.write(" world\n"), s.tell(), repr(s.getvalue()))
print(s.readable(), s.writable(), s.seekable(), s.closed, s.line_buffering, s.newlines, s.encoding, s.errors)
s.seek(0)
print(repr(s.read(5)), repr(s.read()), repr(s.read()), s.tell())
s.seek(3)
s.write("LO")
print(repr(s.getvalue()), s.tell())
s.seek(20)
s.write("!")
print(repr(s.getvalue()), len(s.getvalue()))
print(s.truncate(5), repr(s.getvalue()), s.tell())
s.seek(0, 2)
print(s.tell())
s = StringIO("line1\nline2\nline3")
print(s.tell(), repr(s.readline()), repr(s.readline(2)), repr(s.readline(-1)), s.readlines())
s.seek(0)
print(list(s))
s.seek(0)
print(s.readlines(7))
s = StringIO("é€😀")
print(len(s.getvalue()), repr(s.read(2)), s.tell(), repr(s.read()))
s = StringIO("abc", None)
print(repr(s.getvalue()))
s = StringIO(initial_value="xyz")
print(repr(s.read()))
for f in [lambda: s.seek(-1), lambda: s.seek(1, 1), lambda: s.seek(1, 2), lambda: s.seek(0, 5),
          lambda: s.truncate(-1), lambda: s.write(b"x"), lambda: StringIO(b"x"), lambda: StringIO(1),
          lambda: StringIO(newline="x"), lambda: s.read("a"), lambda: s.seek(1.5), lambda: s.readline(None),
          lambda: s.write(None)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
with StringIO("ctx") as c:
    print(c.read())
print(c.closed)
for op in ["read", "getvalue", "tell", "readable", "writable", "seekable", "readline", "__next__", "truncate"]:
    try:
        getattr(c, op)()
    except ValueError as e:
        print(op, "ValueError", e)
for op in ["write", "seek"]:
    try:
        getattr(c, op)("x" if op == "write" else 0)
    except ValueError as e:
        print(op, "ValueError", e)
try:
    c.line_buffering
except ValueError as e:
    print("line_buffering ValueError", e)
print(c.closed)
c.close()
print(type(StringIO()).__name__, StringIO.__module__, repr(StringIO())[:21])

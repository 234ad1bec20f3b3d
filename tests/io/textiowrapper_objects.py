# TextIOWrapper over BytesIO and files: encoding/errors, reconfigure, detach, seek/tell, write_through.
import _io
from _io import BytesIO, TextIOWrapper

b = BytesIO()
t = TextIOWrapper(b, encoding="utf-8")
print(t.encoding, t.errors, t.line_buffering, t.write_through, t.buffer is b, t.closed, t.seekable())
print(t.write("héllo\nwörld\n"), t.tell())
t.flush()
print(b.getvalue())
t.seek(0)
print(repr(t.readline()), t.tell(), repr(t.read(2)), t.tell(), repr(t.read()))
t.seek(0)
print(list(t))
t.seek(0)
print(repr(t.read(7)))
p = t.tell()
rest = t.read()
t.seek(p)
print(p, repr(t.read()) == repr(rest))
print(t.seek(0, 2), repr(t.read()))
try:
    t.seek(3, 1)
except Exception as e:
    print(type(e).__name__, e)
try:
    t.seek(-1)
except ValueError as e:
    print("ValueError", e)
print(repr(t)[:25])
d = t.detach()
print(d is b)
for op in ["read", "write", "tell", "flush", "encoding", "buffer"]:
    try:
        x = getattr(t, op)
        if callable(x):
            x("x") if op == "write" else x()
    except ValueError as e:
        print(op, "ValueError", e)

b = BytesIO(b"caf\xc3\xa9\nna\xefve\n")
t = TextIOWrapper(b, encoding="latin-1")
print(t.read())
b = BytesIO(b"caf\xc3\xa9\nna\xefve\n")
t = TextIOWrapper(b, encoding="utf-8", errors="replace")
print(t.read())
b = BytesIO(b"caf\xc3\xa9\nna\xefve\n")
t = TextIOWrapper(b, encoding="utf-8", errors="surrogateescape")
s = t.read()
print(ascii(s))
b = BytesIO(b"caf\xc3\xa9\nna\xefve\n")
t = TextIOWrapper(b, encoding="utf-8")
try:
    t.read()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e)
b = BytesIO(b"\xff\xfe")
try:
    TextIOWrapper(b, encoding="ascii").read()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e)
b = BytesIO()
t = TextIOWrapper(b, encoding="ascii", errors="strict")
try:
    t.write("naïve")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e)
try:
    t.write("日本語")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e)
t.reconfigure(errors="replace")
t.write("naïve ")
t.reconfigure(errors="backslashreplace")
t.write("naïve ")
t.reconfigure(errors="xmlcharrefreplace")
t.write("naïve ")
t.reconfigure(errors="ignore")
t.write("naïve\n")
t.flush()
print(b.getvalue(), t.errors)
t.reconfigure(line_buffering=True, write_through=True)
print(t.line_buffering, t.write_through)
t.reconfigure(encoding="latin-1")
print(t.encoding, t.errors)
t.write("é")
t.flush()
print(b.getvalue()[-2:])

b = BytesIO(b"abc\ndef\n")
t = TextIOWrapper(b)
print(t.encoding, t.readline(), end="")
try:
    t.reconfigure(encoding="latin-1")
except Exception as e:
    print(type(e).__name__, e)
try:
    t.reconfigure(newline="\n")
except Exception as e:
    print(type(e).__name__, e)
for args in [dict(encoding=5), dict(errors=5), dict(newline="xx")]:
    try:
        TextIOWrapper(BytesIO(), **args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    TextIOWrapper(BytesIO(), encoding="definitely-not-a-codec")
except LookupError as e:
    print("LookupError", e)
b = BytesIO()
t = TextIOWrapper(b, newline="\r\n", write_through=True)
t.write("a\nb\n")
print(b.getvalue())
t.close()
print(t.closed, b.closed)
try:
    t.write("x")
except ValueError as e:
    print("ValueError", e)

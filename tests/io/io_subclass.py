# Python subclasses of the _io bases: readline/readlines/iteration/writelines/context
# manager come from the base, built on the subclass's read/write.
import _io

class Source(_io._RawIOBase):
    def __init__(self, data):
        self.data = data
        self.pos = 0
        self.reads = 0
    def readable(self):
        return True
    def read(self, n=-1):
        self.reads += 1
        if n < 0:
            n = len(self.data) - self.pos
        chunk = self.data[self.pos:self.pos + n]
        self.pos += len(chunk)
        return chunk

s = Source(b"one\ntwo\nthree")
print(s.readline(), s.readline(2), s.readlines())
s = Source(b"a\nb\nc\n")
print(list(s), s.closed)
s = Source(b"xyz")
print(s.readall(), s.read(), s.readable(), s.writable(), s.seekable(), s.isatty())
with Source(b"ctx\n") as c:
    print(c.readline(), c.closed)
print(c.closed)
try:
    c.readline()
except ValueError as e:
    print("ValueError", e)
try:
    iter(c)
except ValueError as e:
    print("ValueError", e)
c.close()

class Sink(_io._RawIOBase):
    def __init__(self):
        self.got = []
    def writable(self):
        return True
    def write(self, b):
        self.got.append(bytes(b))
        return len(b)

k = Sink()
k.writelines([b"a", b"bc", b"d"])
print(k.got)
k.flush()
for op, args in (("seek", (0,)), ("truncate", ()), ("fileno", ()), ("tell", ())):
    try:
        getattr(k, op)(*args)
    except Exception as e:
        print(op, type(e).__name__, e)
try:
    k._checkReadable()
except Exception as e:
    print(type(e).__name__, e)
try:
    k._checkSeekable()
except Exception as e:
    print(type(e).__name__, e)
print(k._checkWritable())
k.close()
try:
    k._checkClosed()
except ValueError as e:
    print("ValueError", e)
try:
    k.writelines([b"x"])
except ValueError as e:
    print("ValueError", e)

class Closing(_io._IOBase):
    def __init__(self):
        self.flushes = 0
    def flush(self):
        self.flushes += 1
        super().flush()
c = Closing()
c.close()
c.close()
print(c.closed, c.flushes)

class Upper(_io._TextIOBase):
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s.upper())
        return len(s)
u = Upper()
print("hello", "world", file=u)
u.writelines(["x", "y"])
print(u.parts, u.encoding, u.newlines, u.errors)
for op in ("read", "readline", "detach"):
    try:
        getattr(u, op)()
    except Exception as e:
        print(op, type(e).__name__, e)

class Buf(_io._BufferedIOBase):
    def __init__(self, data):
        self.data = data
    def read(self, n=-1):
        out, self.data = (self.data, b"") if n < 0 else (self.data[:n], self.data[n:])
        return out
b = Buf(b"buffered data")
print(b.read(4), b.read1 if False else "", b.readline())
for op in ("read1", "write", "detach"):
    try:
        getattr(b, op)(*((b"x",) if op == "write" else ()))
    except Exception as e:
        print(op, type(e).__name__, e)

class MyFile(_io.FileIO):
    pass
from _iohelp import remove
path = "_tmp_io_subclass.txt"
with MyFile(path, "w") as f:
    f.write(b"sub\nclass\n")
    print(repr(f).startswith("<_io.FileIO name="), f.mode)
with MyFile(path) as f:
    print(list(f))

class MyText(_io.TextIOWrapper):
    def readline(self, *args):
        return super().readline(*args).upper()
with MyText(_io.BufferedReader(_io.FileIO(path)), encoding="utf-8") as t:
    print(list(t))
class MyString(_io.StringIO):
    def write(self, s):
        return super().write(s[::-1])
m = MyString()
print("abc", file=m)
print(repr(m.getvalue()), isinstance(m, _io._TextIOBase), isinstance(m, _io._IOBase))
print(issubclass(_io.FileIO, _io._RawIOBase), issubclass(_io.BytesIO, _io._BufferedIOBase),
      issubclass(_io.BufferedRandom, _io._BufferedIOBase), issubclass(_io.TextIOWrapper, _io._TextIOBase))
print([c.__name__ for c in _io.BufferedReader.__mro__])
remove(path)

# Lib/io.py over _io: the ABCs, open is io.open, subclasses of io.RawIOBase, redirect_stdout.
import io
import contextlib
import sys

print(io.open is open, io.open_code, io.DEFAULT_BUFFER_SIZE, io.SEEK_SET, io.SEEK_CUR, io.SEEK_END)
print(io.StringIO, io.BytesIO, io.TextIOWrapper, io.BufferedReader, io.FileIO, io.UnsupportedOperation)
print(isinstance(io.StringIO(), io.TextIOBase), isinstance(io.BytesIO(), io.BufferedIOBase),
      issubclass(io.FileIO, io.RawIOBase), isinstance(sys.stdout, io.TextIOBase), isinstance(sys.stdout, io.IOBase))
print(issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))

class Numbers(io.RawIOBase):
    def __init__(self, n):
        self.left = n
    def readable(self):
        return True
    def readinto(self, b):
        k = min(len(b), self.left)
        for i in range(k):
            b[i] = 48 + (self.left - i) % 10
        self.left -= k
        return k
print(Numbers(12).read(), Numbers(5).read(3), Numbers(25).readall())
print(io.BufferedReader(Numbers(30), 8).read(), list(io.BufferedReader(Numbers(3))))
print(io.TextIOWrapper(io.BufferedReader(Numbers(11)), encoding="ascii").read())

buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("redirected")
    help_text = "x"
print(repr(buf.getvalue()))
err = io.StringIO()
with contextlib.redirect_stderr(err):
    print("to err", file=sys.stderr)
print(repr(err.getvalue()))

dec = io.IncrementalNewlineDecoder(None, translate=True)
print(repr(dec.decode("a\r")), repr(dec.decode("\nb\r")), repr(dec.decode("", final=True)), dec.newlines)
print(dec.getstate())
dec.reset()
print(dec.newlines, io.text_encoding(None), io.text_encoding("utf-8"))
t = io.TextIOWrapper(io.BytesIO("héllo\r\nwörld".encode("utf-16")), encoding="utf-16")
print(repr(t.read()))
t = io.TextIOWrapper(io.BytesIO(), encoding="utf-16-le")
t.write("hi")
t.flush()
print(t.buffer.getvalue())

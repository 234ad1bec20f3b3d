import io, os, tempfile, codecs, sys
with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, "log.txt")
    with open(p, "w", encoding="utf-8", newline="\r\n") as f:
        f.write("línea 1\nline 2\n\nlast")
        print("printed", 42, sep="|", end="!\n", file=f)
    raw = open(p, "rb").read()
    print(raw, len(raw))
    with open(p, encoding="utf-8") as f:
        print(repr(f.readline()), f.tell(), repr(f.read(5)), f.readlines())
    with open(p, encoding="utf-8", newline="") as f:
        print([l for l in f])
    with open(p, "r+", encoding="utf-8") as f:
        f.seek(0, 2); end = f.tell(); f.write("APPENDED"); f.seek(0)
        print(end, f.read()[-20:])
    with open(p, "rb") as f:
        f.seek(-5, os.SEEK_END); print(f.read(), f.seek(2), f.read(3), f.peek(2)[:2] if hasattr(f, "peek") else "")
    for mode, enc, err in [("r", "ascii", "strict"), ("r", "ascii", "replace"), ("r", "ascii", "ignore"), ("r", "latin-1", "strict"), ("r", "utf-16", "strict")]:
        try:
            with open(p, mode, encoding=enc, errors=err) as f:
                print(enc, err, repr(f.read()[:12]))
        except (UnicodeDecodeError, UnicodeError) as e:
            print(enc, err, type(e).__name__, e)
    for bad in [lambda: open(p, "rw"), lambda: open(p, "b"), lambda: open(p, "rb", encoding="utf-8"), lambda: open(p, "r", newline="x"), lambda: open(os.path.join(d, "nope", "x")), lambda: open(d), lambda: open(p, "x"), lambda: io.StringIO(5), lambda: open(p, buffering=0)]:
        try:
            r = bad(); print(type(r).__name__); r.close()
        except (ValueError, OSError, TypeError) as e:
            print(type(e).__name__, str(e).replace(d, "<d>"))
    f = open(p); f.close()
    for op in [f.read, f.readline, lambda: f.seek(0), lambda: next(f), f.fileno, lambda: f.write("x")]:
        try:
            op()
        except (ValueError, io.UnsupportedOperation) as e:
            print(type(e).__name__, e)
    with open(p, "rb") as fb:
        try:
            fb.write(b"x")
        except io.UnsupportedOperation as e:
            print("UnsupportedOperation", e)
s = io.StringIO("a\nb\r\nc\rd", newline=None)
print(s.readlines(), io.StringIO("x\r\ny", newline="").readlines(), io.StringIO("x\r\ny", newline="\r").readlines())
b = io.BytesIO(b"0123456789")
print(b.read(3), b.seek(-2, 2), b.read(), b.getbuffer().nbytes, b.readinto(bytearray(4)), b.tell())
w = io.TextIOWrapper(io.BytesIO(), encoding="utf-16-le", write_through=True)
w.write("hé"); print(w.buffer.getvalue())
dec = codecs.getincrementaldecoder("utf-8")()
print([dec.decode(bytes([x])) for x in "é€😀".encode()], dec.decode(b"", final=True))
try:
    dec.decode(b"\xe2\x82", final=True)
except UnicodeDecodeError as e:
    print(e, e.start, e.end, e.reason)
print("é".encode("utf-8", "surrogateescape"), b"\xff".decode("utf-8", "surrogateescape"), "\udcff".encode("utf-8", "surrogateescape"), "x\udcffy".encode("utf-8", "backslashreplace"), "ñ".encode("ascii", "xmlcharrefreplace"), b"\xff".decode("latin-1"))
try:
    "\ud800".encode("utf-8")
except UnicodeEncodeError as e:
    print(e)
sys.stdout.write("direct write\n"); sys.stdout.flush()
print(sys.stdout.encoding, sys.stdout.errors, sys.stdin.isatty() in (True, False), sys.stderr.line_buffering in (True, False))

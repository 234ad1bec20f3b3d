# BytesIO.getbuffer(): a writable memoryview sharing the stream's bytes;
# while one exists the stream cannot be resized, written or closed.
import io

def attempt(label, f):
    try:
        r = f()
        print(label, "ok", r)
    except Exception as e:
        print(label, type(e).__name__, e)

b = io.BytesIO(b"hello world")
m = b.getbuffer()
print(type(m).__name__, len(m), m.readonly, m.format, m.itemsize, m.nbytes, bytes(m))
m[0] = ord("J")
print(b.getvalue(), m[:5].tobytes(), m[-1], list(m[1:3]))
attempt("write", lambda: b.write(b"x"))
attempt("write empty", lambda: b.write(b""))
attempt("writelines", lambda: b.writelines([b"a"]))
attempt("truncate", lambda: b.truncate(2))
attempt("close", lambda: b.close())
# (__init__ while exported: CPython empties the stream's logical size before
# refusing, a quirk pyrite does not copy; not exercised here.)
print(b.read(5), b.seek(0), b.read(), b.getvalue())
s = m[2:4]
m.release()
attempt("write with slice alive", lambda: b.write(b"x"))
s.release()
print(b.seek(0, 2), b.write(b"!"), b.getvalue())

# Views go away with their last reference.
m2 = b.getbuffer()
m3 = memoryview(m2)
del m2
attempt("write with copy alive", lambda: b.write(b"?"))
del m3
print(b.write(b"?"), b.getvalue())

with b.getbuffer() as view:
    view[:5] = b"HELLO"
print(b.getvalue())
print(b.truncate(5), b.getvalue())
b.close()
attempt("closed getbuffer", lambda: b.getbuffer())
attempt("bytes of BytesIO", lambda: bytes(io.BytesIO(b"ab")))
attempt("memoryview of BytesIO", lambda: memoryview(io.BytesIO(b"ab")))
e = io.BytesIO()
em = e.getbuffer()
print(len(em), bytes(em))
attempt("set out of range", lambda: em.__setitem__(0, 1))
em.release()
print(e.write(b"abc"), e.getvalue())

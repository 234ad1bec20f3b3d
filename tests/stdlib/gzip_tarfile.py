# gzip and tarfile (gz) over zlib, in memory and on disk.
import gzip
import io
import os
import tarfile

data = b"".join(b"record %05d %s\n" % (i, b"x" * (i % 37)) for i in range(2000))

print(gzip.compress(b"", mtime=0).hex())
print(gzip.compress(b"abc", mtime=0).hex())
for level in (0, 1, 6, 9):
    c = gzip.compress(data, compresslevel=level, mtime=0)
    print(level, len(c), c[:10].hex(), c[-8:].hex(), gzip.decompress(c) == data)
print(gzip.decompress(gzip.compress(b"one", mtime=0) + gzip.compress(b"two", mtime=0)))

buf = io.BytesIO()
with gzip.GzipFile(filename="name.txt", mode="wb", fileobj=buf, mtime=12345) as g:
    for i in range(0, len(data), 1000):
        g.write(data[i:i + 1000])
raw = buf.getvalue()
print(len(raw), raw[:30].hex())
with gzip.GzipFile(fileobj=io.BytesIO(raw)) as g:
    print(g.read(20), g.readline(), len(g.read()), g.name if hasattr(g, "name") else None)
with gzip.GzipFile(fileobj=io.BytesIO(raw)) as g:
    lines = g.readlines()
    print(len(lines), lines[5])
with gzip.GzipFile(fileobj=io.BytesIO(raw)) as g:
    g.seek(5000)
    print(g.read(10), g.tell())

path = "_gz_%d.gz" % os.getpid()
with gzip.open(path, "wt", encoding="utf-8") as f:
    f.write("unicode text \u20ac\n" * 10)
with gzip.open(path, "rt", encoding="utf-8") as f:
    print(repr(f.read()[:40]))
with gzip.open(path, "rb") as f:
    print(len(f.read()))
os.remove(path)

def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

attempt("not gzip", lambda: gzip.decompress(b"not a gzip file at all"))
attempt("truncated", lambda: gzip.decompress(gzip.compress(data, mtime=0)[:-20]))
attempt("bad crc", lambda: gzip.decompress(gzip.compress(b"abc", mtime=0)[:-8] + b"\0" * 8))

tb = io.BytesIO()
with tarfile.open(fileobj=tb, mode="w:gz") as t:
    for name, content in [("a.txt", b"alpha\n"), ("dir/b.bin", data), ("empty", b"")]:
        ti = tarfile.TarInfo(name)
        ti.size = len(content)
        ti.mtime = 1000000
        ti.mode = 0o644
        t.addfile(ti, io.BytesIO(content))
print(len(tb.getvalue()) > 0)
tb.seek(0)
with tarfile.open(fileobj=tb, mode="r:gz") as t:
    for m in t.getmembers():
        print(m.name, m.size, m.mtime, oct(m.mode), m.isfile())
    print(t.extractfile("dir/b.bin").read() == data, t.extractfile("a.txt").read())
tb.seek(0)
with tarfile.open(fileobj=tb, mode="r:*") as t:
    print(t.getnames())

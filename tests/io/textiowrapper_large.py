# Large text files: lines across chunk boundaries, readline limits, tell/seek round-trips.
from _iohelp import remove

path = "_tmp_textiowrapper_large.txt"
lines = ["line %d %s\n" % (i, "é" * (i % 7) + "x" * (i % 50)) for i in range(3000)]
with open(path, "w", encoding="utf-8") as f:
    for l in lines:
        f.write(l)
with open(path, encoding="utf-8") as f:
    got = f.readlines()
print(got == lines, len(got))
with open(path, encoding="utf-8") as f:
    print(sum(1 for _ in f))
with open(path, encoding="utf-8") as f:
    marks = []
    for i in range(0, 3000):
        p = f.tell()
        l = f.readline()
        if i % 397 == 0:
            marks.append((i, p))
    print(marks)
    for i, p in reversed(marks):
        f.seek(p)
        assert f.readline() == lines[i]
    f.seek(0)
    print(repr(f.readline(5)), repr(f.readline(3)), f.tell())
    parts = []
    while True:
        c = f.readline(17)
        if not c:
            break
        parts.append(c)
    print(len(parts), "".join(parts) == "".join(lines)[8:])
with open(path, encoding="utf-8") as f:
    total = 0
    while True:
        c = f.read(1000)
        if not c:
            break
        total += len(c)
    print(total, total == len("".join(lines)))
with open(path, "rb") as f:
    data = f.read()
print(len(data), sum(1 for c in data if c == 10))
with open(path, "a", encoding="utf-8") as f:
    print(f.tell() == len(data))
remove(path)

# Text files: write/read/append, readline with limits, iteration, tell/seek round-trips.
from _iohelp import remove

path = "_tmp_open_text_basic.txt"
with open(path, "w") as f:
    print(type(f).__name__, f.mode, f.name, f.encoding, f.errors, f.line_buffering)
    print(f.writable(), f.readable(), f.seekable(), f.closed)
    print(f.write("alpha\nbeta\n"), f.write("gamma"), f.write(""))
    print(f.tell())
print(f.closed)

with open(path) as f:
    print(repr(f.read()))
    print(repr(f.read()), repr(f.read(5)))
    f.seek(0)
    print(repr(f.read(3)), repr(f.read(4)), f.tell())
    f.seek(0)
    print(repr(f.readline()), repr(f.readline(2)), repr(f.readline(100)), repr(f.readline()), repr(f.readline()))
    f.seek(0)
    pos = []
    while True:
        p = f.tell()
        line = f.readline()
        if not line:
            break
        pos.append((p, line))
    print(pos)
    for p, line in reversed(pos):
        f.seek(p)
        print(p, repr(f.readline()), f.tell())
    f.seek(0)
    print(f.readlines())
    f.seek(0)
    print(f.readlines(3))
    f.seek(0, 2)
    print(f.tell(), repr(f.read()))

with open(path, "a") as f:
    print(f.tell())
    f.write("\ndelta\n")
    print(f.tell())
with open(path) as f:
    print([line for line in f])
with open(path) as f:
    it = iter(f)
    print(next(it), end="")
    try:
        f.tell()
    except OSError as e:
        print("OSError", e)
    print(list(it))
    print(f.tell())

with open(path, "r+") as f:
    print(f.read(5))
    f.seek(0)
    f.write("ALPHA")
    f.seek(0)
    print(repr(f.read()))

with open(path, "w") as f:
    f.writelines(["x\n", "y\n", "z"])
    print(f.truncate(3), f.tell())
with open(path) as f:
    print(repr(f.read()))

f = open(path)
print(repr(f) == "<_io.TextIOWrapper name='%s' mode='r' encoding='UTF-8'>" % path)
f.close()
f.close()
print(repr(f))
for op in ("read", "readline", "tell", "flush", "readable", "seekable", "__next__", "__iter__", "__enter__"):
    try:
        getattr(f, op)()
    except ValueError as e:
        print(op, "ValueError", e)
for op, args in (("write", ("x",)), ("seek", (0,)), ("readlines", ()), ("writelines", ([],))):
    try:
        getattr(f, op)(*args)
    except ValueError as e:
        print(op, "ValueError", e)
try:
    f.fileno()
except ValueError as e:
    print("fileno ValueError", e)
remove(path)

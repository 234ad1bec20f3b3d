# Universal newlines on read, and newline='' / '\n' / '\r' / '\r\n' modes.
from _iohelp import remove

path = "_tmp_newline_read.txt"
data = b"one\ntwo\r\nthree\rfour\r\n\r\nfive\rsix"
with open(path, "wb") as f:
    f.write(data)
for nl in [None, "", "\n", "\r", "\r\n"]:
    with open(path, newline=nl) as f:
        lines = f.readlines()
        print(repr(nl), lines, f.newlines)
    with open(path, newline=nl) as f:
        print(repr(nl), repr(f.read()))
    with open(path, newline=nl) as f:
        out = []
        while True:
            c = f.read(3)
            if not c:
                break
            out.append(c)
        print(repr(nl), out)
    with open(path, newline=nl) as f:
        print(repr(nl), [f.readline(4) for _ in range(5)])
# tell/seek across translated newlines: positions after "\n" and "\r\n" are byte offsets
with open(path) as f:
    marks = []
    while True:
        p = f.tell()
        line = f.readline()
        if not line:
            break
        marks.append((p, line))
    # (CPython packs decoder state into the cookie after a lone '\r': compare lines only)
    print([line for p, line in marks])
    for p, line in marks:
        f.seek(p)
        assert f.readline() == line, (p, line)
    print("seek ok")
    f.seek(0)
    print(repr(f.read(4)), f.tell(), repr(f.read(5)), f.tell())
with open(path, "wb") as f:
    f.write(b"ab\r\ncd\n\r\nef\ngh")
with open(path) as f:
    marks = []
    while True:
        p = f.tell()
        line = f.readline()
        if not line:
            break
        marks.append((p, line))
    print(marks)
    for p, line in marks[::-1]:
        f.seek(p)
        print(p, repr(f.read(3)), f.tell())
# a '\r' right at a chunk boundary
with open(path, "wb") as f:
    f.write(("a" * 8191).encode() + b"\r\nb\r" + ("c" * 10).encode() + b"\r")
with open(path) as f:
    lines = f.readlines()
    print(len(lines), [len(l) for l in lines], repr(lines[1]), repr(lines[-1][-2:]), f.newlines)
with open(path, newline="") as f:
    lines = f.readlines()
    print(len(lines), [len(l) for l in lines], f.newlines)
with open(path) as f:
    f._CHUNK_SIZE = 7
    print(f._CHUNK_SIZE, len(f.read()))
remove(path)

# open()'s argument errors and OSErrors, with CPython's messages.
from _iohelp import remove

path = "_tmp_io_errors.txt"
open(path, "w").close()
for mode in ["rw", "rt b", "x+a", "", "z", "rU", "U", "wU", "rr", "rb+b", "++", "tb", "bt", "w+x", "ra"]:
    try:
        open(path, mode)
    except ValueError as e:
        print(repr(mode), "ValueError", e)
for kw in [dict(mode="rb", encoding="utf-8"), dict(mode="rb", errors="strict"), dict(mode="rb", newline="\n"),
           dict(newline="x"), dict(buffering=0), dict(mode="rb", closefd=False), dict(encoding="no-such-codec")]:
    try:
        open(path, **kw)
    except (ValueError, LookupError) as e:
        print(sorted(kw), type(e).__name__, e)
for bad in [1.5, None, [path], object()]:
    try:
        open(bad)
    except TypeError as e:
        print("TypeError", str(e).split(" at ")[0])
try:
    open(path, 5)
except TypeError as e:
    print("TypeError", e)
try:
    open(path, buffering=1.5)
except TypeError as e:
    print("TypeError", e)
try:
    open(path, encoding=5)
except TypeError as e:
    print("TypeError", e)
try:
    open(path, bogus=1)
except TypeError as e:
    print("TypeError", e)
try:
    open()
except TypeError as e:
    print("TypeError", e)
try:
    open("_no_such_dir/_no_such_file.txt")
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.strerror, e.filename, e)
try:
    open("_no_such_file_here.txt", "r")
except OSError as e:
    print(type(e).__name__, e.errno, isinstance(e, FileNotFoundError))
try:
    open(".")
except IsADirectoryError as e:
    print("IsADirectoryError", e)
try:
    open(path, "x")
except FileExistsError as e:
    print("FileExistsError", e)
f = open(path)
try:
    f.write("x")
except Exception as e:
    print(type(e).__name__, e, isinstance(e, OSError), isinstance(e, ValueError))
f.close()
f = open(path, "w")
try:
    f.read()
except Exception as e:
    print(type(e).__name__, e)
try:
    f.readline()
except Exception as e:
    print(type(e).__name__, e)
try:
    f.write(b"bytes")
except TypeError as e:
    print("TypeError", e)
try:
    f.write(5)
except TypeError as e:
    print("TypeError", e)
try:
    f.seek(1, 1)
except Exception as e:
    print(type(e).__name__, e)
try:
    f.seek(1, 2)
except Exception as e:
    print(type(e).__name__, e)
try:
    f.seek(0, 3)
except Exception as e:
    print(type(e).__name__, e)
try:
    f.seek(-1)
except Exception as e:
    print(type(e).__name__, e)
f.close()
import _io
print(_io.UnsupportedOperation.__mro__[1:3], _io.UnsupportedOperation.__module__)
print(_io.DEFAULT_BUFFER_SIZE, _io.text_encoding(None), _io.text_encoding("latin-1"))
try:
    _io.FileIO(-1)
except ValueError as e:
    print("ValueError", e)
for mode in ["rw", "q", "", "r+r", "rb++"]:
    try:
        _io.FileIO(path, mode)
    except ValueError as e:
        print(repr(mode), "ValueError", e)
raw = _io.FileIO(path, "r")
for op, args in (("write", (b"x",)), ("truncate", ())):
    try:
        getattr(raw, op)(*args)
    except Exception as e:
        print(op, type(e).__name__, e)
raw.close()
for op, args in (("read", ()), ("write", (b"",)), ("fileno", ()), ("isatty", ()), ("seek", (0,)), ("tell", ()), ("readable", ())):
    try:
        getattr(raw, op)(*args)
    except ValueError as e:
        print(op, "ValueError", e)
print(repr(raw))
w = open(path, "wb")
r = open(path, "rb")
for obj, op in ((r, "write"), (w, "read"), (w, "peek"), (w, "read1")):
    try:
        getattr(obj, op)(b"x") if op == "write" else getattr(obj, op)()
    except Exception as e:
        print(op, type(e).__name__, e)
try:
    _io.BufferedReader(_io.FileIO(path, "w"))
except Exception as e:
    print(type(e).__name__, e)
try:
    _io.BufferedWriter(r.raw, 0)
except Exception as e:
    print(type(e).__name__, e)
w.close()
r.close()
remove(path)

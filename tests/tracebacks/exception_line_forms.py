# The last line of a traceback for exceptions of every shape: no args, many
# args, a failing __str__, a custom __module__, nested class qualnames,
# builtin subclasses, OSError forms, and a str() returning a non-string.
import sys
import traceback


class Outer:
    class InnerError(Exception):
        pass


class BadStr(Exception):
    def __str__(self):
        raise RuntimeError("str failed")


class NonStr(Exception):
    def __str__(self):
        return 42


class Relocated(Exception):
    pass


Relocated.__module__ = "some.place"


class NoModule(Exception):
    pass


NoModule.__module__ = None


class MyKeyError(KeyError):
    pass


cases = [
    ValueError(),
    ValueError("one"),
    ValueError("a", 2, None),
    Outer.InnerError("nested"),
    BadStr("x"),
    NonStr(),
    Relocated("moved"),
    NoModule("no module"),
    MyKeyError("key"),
    KeyError(),
    KeyError(("a", 1)),
    OSError(2, "No such file or directory"),
    OSError(2, "No such file or directory", "f.txt"),
    OSError(1, "Op", "src", None, "dst"),
    FileNotFoundError(2, "missing", "x"),
    UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"),
    UnicodeEncodeError("ascii", "é", 0, 1, "ordinal not in range(128)"),
    StopIteration(5),
    AssertionError(),
    SyntaxWarning("warning as exception"),
]
for e in cases:
    print("".join(traceback.format_exception_only(e)), end="")
    try:
        raise e
    except BaseException:
        traceback.print_exc(file=sys.stdout)

try:
    open("/nonexistent/dir/file.txt")
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
    traceback.print_exc(file=sys.stdout)
raise BadStr()

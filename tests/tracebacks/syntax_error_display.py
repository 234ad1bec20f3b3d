# How a SyntaxError's location is printed (pythonrun.c's
# print_exception_file_and_line / print_error_text): offsets clipped to the
# text, carets from offset to end_offset, leading whitespace stripped,
# several-line texts, byte-counted offsets, subclasses, odd attribute values.
import io
import sys


def show(exc):
    saved = sys.stderr
    sys.stderr = io.StringIO()
    try:
        sys.__excepthook__(type(exc), exc, None)
        return sys.stderr.getvalue()
    finally:
        sys.stderr = saved


def case(label, exc):
    print(f"== {label}")
    print(show(exc), end="")


# The range table of test_exceptions.test_range_of_offsets, and more.
for args in [
    ("bad.py", 1, 2, "abcdefg", 1, 7),
    ("bad.py", 1, 2, "abcdefg", 1, 3),
    ("bad.py", 1, 2, "abcdefg", 1, -2),
    ("bad.py", 1, 4, "abcdefg", 1, 2),
    ("bad.py", 1, -4, "abcdefg", 1, -2),
    ("bad.py", 1, -4, "abcdefg", 1, -5),
    ("bad.py", 1, 0, "abcdefg", 1, 0),
    ("bad.py", 1, 0, "abcdefg", 1, 5),
    ("bad.py", 1, 2, "abcdefg", 1, 100),
    ("bad.py", 1, 100, "abcdefg", 1, 200),
    ("bad.py", 1, 1, "abcdefg", 2, 3),
    ("bad.py", 1, 3, "abcdefg\n", 1, 5),
    ("bad.py", 1, None, "abcdefg", None, None),
]:
    case(f"range {args[2:]}", SyntaxError("bad bad", args))

case("indented text", SyntaxError("msg", ("f.py", 3, 7, "    x = = 1\n", 3, 8)))
case("tabs and form feed", SyntaxError("msg", ("f.py", 3, 4, "\t\f y +\n", 3, 6)))
case("several lines, offset in the second", SyntaxError("msg", ("f.py", 1, 9, "abc\ndef ghi\n", 1, 10)))
case("several lines, offset in the first", SyntaxError("msg", ("f.py", 1, 2, "abc\ndef ghi\n", 1, 3)))
case("non-ASCII text (offsets in UTF-8 bytes)", SyntaxError("msg", ("f.py", 1, 6, "é = é +\n", 1, 8)))
case("no text", SyntaxError("msg", ("f.py", 4, 2, None, 4, 3)))
case("filename None", SyntaxError("msg", (None, 4, 2, "x y", 4, 3)))
case("empty msg", SyntaxError("", ("f.py", 1, 1, "x", 1, 2)))
case("no location", SyntaxError("bare"))
case("no args", SyntaxError())
case("IndentationError ignores the end", IndentationError("indent", ("f.py", 2, 1, "  pass\n", 2, 6)))
case("TabError", TabError("tabs", ("f.py", 2, 2, "\tpass\n", 2, 3)))

e = SyntaxError("msg", ("f.py", 1, 1, "x", 1, 2))
e.lineno = "one"
case("lineno not an int: printed as a plain exception", e)

e = SyntaxError("msg", ("f.py", 1, 1, "x", 1, 2))
e.msg = None
case("msg None", e)

e = SyntaxError("msg", ("f.py", 1, 1, "x", 1, 2))
e.msg = 42
case("msg an int", e)

e = SyntaxError("located", ("f.py", 1, 1, "x", 1, 2))
e.add_note("this note is not shown")
case("note on a located SyntaxError", e)

e = SyntaxError("unlocated")
e.add_note("this note is shown")
case("note on an unlocated SyntaxError", e)


class Custom(Exception):
    print_file_and_line = None

    def __init__(self):
        self.msg = "custom message"
        self.filename = "custom.py"
        self.lineno = 9
        self.offset = 3
        self.text = "abcdef"


case("any exception with print_file_and_line", Custom())


class MySyntaxError(SyntaxError):
    pass


case("subclass", MySyntaxError("sub", ("f.py", 1, 2, "abcdefg", 1, 6)))

# A real one from compile(), then uncaught.
try:
    compile("x = (1 +\n", "<src>", "exec")
except SyntaxError as err:
    case("from compile", err)
try:
    compile("def f():\n  return 1\n    x = 2\n", "<src>", "exec")
except SyntaxError as err:
    case("IndentationError from compile", err)

raise SyntaxError("final", ("final.py", 2, 3, "  a b c\n", 2, 6))

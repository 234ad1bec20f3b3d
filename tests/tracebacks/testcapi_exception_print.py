# _testcapi.exception_print (PyErr_Display) and traceback_print
# (PyTraceBack_Print): the interpreter's own printer, called on caught
# exceptions, writing to a replaced sys.stderr / a given file. Each report is
# printed, then compared with what Lib/traceback.py formats.
import io
import sys
import traceback
import _testcapi


def native_report(exc):
    saved = sys.stderr
    sys.stderr = io.StringIO()
    try:
        _testcapi.exception_print(exc)
        return sys.stderr.getvalue()
    finally:
        sys.stderr = saved


def show(label, exc):
    text = native_report(exc)
    print(f"--- {label}")
    print(text, end="")
    if isinstance(exc, BaseException):
        python = "".join(traceback.format_exception(exc))
        print("same as traceback module:", text == python)


def catch(f, *args):
    try:
        f(*args)
    except BaseException as e:
        return e
    raise AssertionError("no exception")


def divide(a, b):
    return a / b


def lookup(table, key):
    return table["rows"][key]


def chained_cause():
    try:
        divide(1, 0)
    except ZeroDivisionError as e:
        raise ValueError("bad ratio") from e


def chained_context():
    try:
        lookup({"rows": {}}, "k")
    except KeyError:
        raise RuntimeError("lookup failed")


def suppressed():
    try:
        divide(1, 0)
    except ZeroDivisionError:
        raise TypeError("replaced") from None


def group():
    errors = []
    for i in range(3):
        try:
            if i == 1:
                raise KeyError(i)
            divide(i, 0)
        except Exception as e:
            errors.append(e)
    eg = ExceptionGroup("several", errors + [ExceptionGroup("inner", [OSError(5, "io")])])
    eg.add_note("group note")
    raise eg


def recurse(n):
    if n == 0:
        raise RecursionError("bottom reached")
    recurse(n - 1)


class BadStr(Exception):
    def __str__(self):
        raise ValueError("no str")


class Outer:
    class InnerError(Exception):
        pass


def with_notes():
    e = ValueError("with notes")
    e.add_note("first\nsecond line")
    e.add_note("third")
    raise e


def bad_notes():
    e = ValueError("bad notes")
    e.__notes__ = 42
    raise e


show("binop carets", catch(divide, 1, 0))
show("subscript carets", catch(lookup, {"rows": {}}, "missing"))
show("cause", catch(chained_cause))
show("context", catch(chained_context))
show("from None", catch(suppressed))
show("group", catch(group))
show("repeated lines", catch(recurse, 8))
show("bad __str__", catch(lambda: (_ for _ in ()).throw(BadStr())))
show("qualname", Outer.InnerError("nested class"))
class Renamed(Exception):
    pass


Renamed.__module__ = "pkg.sub"
show("module name", Renamed("dotted module"))
Renamed.__module__ = 42
show("module name not str", Renamed("odd module"))
show("no traceback", KeyError("never raised"))
show("notes", catch(with_notes))
show("invalid notes", catch(bad_notes))
show("syntax error", catch(compile, "x = (1,\n  2 +* 3)", "<src>", "exec"))
show("syntax error no lineno", SyntaxError("plain message"))
show("not an exception", 42)
show("a class", ValueError)

# The report goes to whatever sys.stderr is at the time; None: nothing.
saved = sys.stderr
sys.stderr = None
_testcapi.exception_print(ValueError("to None"))
sys.stderr = saved
print("after None stderr")

# traceback_print: the header and the entries, to the given file.
e = catch(chained_cause)
out = io.StringIO()
_testcapi.traceback_print(e.__traceback__, out)
print(out.getvalue(), end="")
print("same:", out.getvalue() == "Traceback (most recent call last):\n" + "".join(traceback.format_tb(e.__traceback__)))
sys.tracebacklimit = 2
out = io.StringIO()
_testcapi.traceback_print(catch(recurse, 5).__traceback__, out)
print(out.getvalue(), end="")
sys.tracebacklimit = 0
out = io.StringIO()
_testcapi.traceback_print(e.__traceback__, out)
print(repr(out.getvalue()))
del sys.tracebacklimit

for bad in [(1, io.StringIO()), (e.__traceback__,), (e.__traceback__, object())]:
    try:
        _testcapi.traceback_print(*bad)
    except Exception as err:
        print(type(err).__name__, str(err).split(": ")[-1])
try:
    _testcapi.exception_print()
except TypeError as err:
    print("TypeError", err)

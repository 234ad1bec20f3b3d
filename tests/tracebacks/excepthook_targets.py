# sys.excepthook / sys.__excepthook__ write the report to whatever sys.stderr
# is at the time (a StringIO here), write nothing when it is None, and show a
# value that is not an exception as CPython's print_exception does.
import io
import sys


def report(*args):
    saved = sys.stderr
    sys.stderr = io.StringIO()
    try:
        sys.__excepthook__(*args)
        return sys.stderr.getvalue()
    finally:
        sys.stderr = saved


def fail(n):
    if n == 0:
        return {}["missing"]
    return fail(n - 1)


try:
    fail(2)
except KeyError as e:
    text = report(type(e), e, e.__traceback__)
print(text.replace(__file__, "FILE"), end="")
print("---")

# No traceback on the exception: the one passed in is used.
try:
    fail(0)
except KeyError as e:
    tb = e.__traceback__
bare = KeyError("fresh")
print(report(KeyError, bare, tb).replace(__file__, "FILE"), end="")
print("has tb now:", bare.__traceback__ is tb)
print("---")

# Not an exception at all.
print(repr(report(int, 42, None)))
print(repr(report(type(None), None, None)))
print(repr(report(str, "text", None)))
print("---")

# Chained, with a note, while stderr is captured.
try:
    try:
        1 / 0
    except ZeroDivisionError as inner:
        err = ValueError("outer")
        err.add_note("a note\nover two lines")
        raise err from inner
except ValueError as e:
    print(report(type(e), e, e.__traceback__).replace(__file__, "FILE"), end="")
print("---")

# sys.stderr = None: nothing is written, nothing raised.
saved = sys.stderr
sys.stderr = None
try:
    sys.__excepthook__(ValueError, ValueError("quiet"), None)
    sys.excepthook(ValueError, ValueError("quiet"), None)
finally:
    sys.stderr = saved
print("None stderr ok")


# A stderr that records the calls: the report arrives, then a flush.
class Recorder:
    def __init__(self):
        self.calls = []

    def write(self, s):
        self.calls.append("write")
        self.text = getattr(self, "text", "") + s

    def flush(self):
        self.calls.append("flush")


rec = Recorder()
sys.stderr = rec
try:
    sys.__excepthook__(TypeError, TypeError("recorded"), None)
finally:
    sys.stderr = saved
print(rec.text, end="")
print(rec.calls[-1])

# Uncaught at the end goes to the real stderr.
fail(1)

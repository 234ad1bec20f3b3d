# PEP 678 notes: several notes, multi-line notes, non-str entries in
# __notes__, __notes__ replaced by a non-list or deleted, add_note errors.
import sys
import traceback


def show(e):
    print("".join(traceback.format_exception(e)), end="")
    print("=====")


e = ValueError("base")
e.add_note("first note")
e.add_note("second\nspans lines")
show(e)

e = KeyError("k")
e.add_note("ok")
e.__notes__.append(42)
e.__notes__.append(b"bytes")
show(e)

e = TypeError("t")
e.__notes__ = "a string, not a list"
show(e)

e = TypeError("t2")
e.__notes__ = ("tuple", "notes")
show(e)

e = TypeError("t3")
e.__notes__ = 17
show(e)

e = OSError("os")
e.add_note("n")
del e.__notes__
show(e)

for bad in (None, 3, b"b"):
    try:
        ValueError().add_note(bad)
    except TypeError as err:
        print(type(err).__name__, err)

e = RuntimeError("r")
e.__notes__ = 5
try:
    e.add_note("x")
except TypeError as err:
    print(type(err).__name__, err)


class Weird:
    def __str__(self):
        raise ValueError("no str")


e = ValueError("weird note")
e.__notes__ = [Weird(), "after"]
show(e)
print(traceback.format_exception_only(e))


def failing():
    err = AssertionError("final")
    err.add_note("context: step 3")
    raise err


try:
    failing()
except AssertionError as err:
    err.add_note("added by the handler")
    raise

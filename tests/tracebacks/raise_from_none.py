# `raise ... from None` hides the context; `from X` sets the cause and
# suppresses the context; a later `__cause__ = None` keeps it suppressed.
import sys
import traceback


def lookup(table, key):
    try:
        return table[key]
    except KeyError:
        raise LookupError(f"no entry {key!r}") from None


def convert(text):
    try:
        return int(text)
    except ValueError as e:
        raise TypeError("not a number") from e


def reset_cause():
    try:
        convert("x")
    except TypeError as e:
        e.__cause__ = None
        return e


try:
    lookup({}, "k")
except LookupError as e:
    print(e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
    traceback.print_exc(file=sys.stdout)

try:
    convert("y")
except TypeError as e:
    print(e.__suppress_context__, type(e.__cause__).__name__)
    traceback.print_exc(file=sys.stdout)

e = reset_cause()
print(e.__cause__, e.__suppress_context__)
print("".join(traceback.format_exception(e)), end="")

try:
    raise ValueError("x") from 5
except TypeError as e:
    print(e)


def outer():
    try:
        lookup({"a": 1}, "b")
    except LookupError:
        raise RuntimeError("while handling") from None


outer()

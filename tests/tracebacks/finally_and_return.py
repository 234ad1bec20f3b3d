# Exceptions replaced in finally (the earlier one becomes the context),
# swallowed by return/break in finally, and suppressed by __exit__.
import sys
import traceback


def replaced():
    try:
        raise ValueError("first")
    finally:
        raise KeyError("from finally")


def swallowed():
    try:
        raise ValueError("lost")
    finally:
        return "returned"


def broken_loop():
    for i in range(3):
        try:
            raise IndexError(i)
        finally:
            break
    return i


class Suppress:
    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        print("exit saw", t.__name__ if t else None)
        return t is not None and issubclass(t, LookupError)


try:
    replaced()
except KeyError:
    traceback.print_exc(file=sys.stdout)
print(swallowed(), broken_loop(), sys.exc_info())
with Suppress():
    {}["x"]
print("suppressed")
with Suppress():
    try:
        1 / 0
    finally:
        print("inner finally")

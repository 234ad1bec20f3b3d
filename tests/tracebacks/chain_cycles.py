# Chained exceptions: explicit cause, implicit context, both on one
# exception, __suppress_context__ set by hand, and cycles in the chain that
# the printer must stop at.
import sys
import traceback


def show(e, **kw):
    print("".join(traceback.format_exception(e, **kw)), end="")
    print("-----")


def make_cycle():
    try:
        try:
            raise KeyError("a")
        except KeyError as a:
            raise ValueError("b") from a
    except ValueError as b:
        b.__cause__.__context__ = b
        return b


def both_cause_and_context():
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            raise TypeError("with cause") from OSError("the cause")
    except TypeError as e:
        return e


def suppressed_by_hand():
    try:
        try:
            [][0]
        except IndexError:
            raise RuntimeError("context hidden")
    except RuntimeError as e:
        e.__suppress_context__ = True
        return e


def self_context():
    e = ValueError("self")
    e.__context__ = e
    return e


show(make_cycle())
show(both_cause_and_context())
show(both_cause_and_context(), chain=False)
show(suppressed_by_hand())
s = suppressed_by_hand()
s.__suppress_context__ = False
show(s)
show(self_context())
c = make_cycle()
print(type(c.__cause__).__name__, type(c.__cause__.__context__).__name__)
try:
    try:
        raise LookupError("first")
    except LookupError as first:
        second = AttributeError("second")
        second.__cause__ = first
        first.__context__ = second
        raise second
except AttributeError as e:
    raise RuntimeError("outer") from e

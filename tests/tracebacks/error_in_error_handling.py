# Errors while handling errors: a handler that fails, an exception whose
# __str__ fails while the traceback module formats it, a failing __repr__
# of a KeyError key, and exceptions raised by a finally during unwinding.
import sys
import traceback


class BadRepr:
    def __repr__(self):
        raise RuntimeError("repr broke")


class BadStr(Exception):
    def __str__(self):
        raise ValueError("str broke")


try:
    {}[BadRepr()]
except KeyError as e:
    print(traceback.format_exception_only(e))

try:
    raise BadStr()
except BadStr:
    traceback.print_exc(file=sys.stdout)


def handler_fails():
    try:
        [][1]
    except IndexError:
        None.attribute


try:
    handler_fails()
except AttributeError:
    traceback.print_exc(file=sys.stdout)


def unwinding():
    try:
        raise ValueError("original")
    finally:
        print("cleanup runs")

try:
    unwinding()
except ValueError as e:
    print("caught", e)
raise KeyError(BadRepr())

# Raising inside except* handlers: new exceptions are collected with the
# unhandled rest into one group; bare raise re-raises the matched part as
# it was; an exception raised from a handler has the matched group as its
# context; raise ... from inside a handler.
import sys
import traceback


def describe(g):
    if isinstance(g, BaseExceptionGroup):
        return (type(g).__name__, g.message, [describe(e) for e in g.exceptions])
    return repr(g)


def scenario(name, f):
    print(name)
    try:
        f()
    except BaseException as e:
        print(" ->", describe(e))
        ctx = e.__context__
        print("    context:", describe(ctx) if ctx is not None else None)
        if isinstance(e, BaseExceptionGroup):
            for sub in e.exceptions:
                c = sub.__context__
                print("    sub context:", describe(c) if c is not None else None, sub.__cause__)


def new_in_handler():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("from handler")


def bare_raise():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise


def bare_raise_all():
    try:
        raise ExceptionGroup("eg", [ValueError(1), ValueError(2)])
    except* ValueError:
        raise


def raise_from():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as g:
        raise RuntimeError("wrapped") from g


def two_handlers_raise():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError:
        raise KeyError("k")
    except* TypeError:
        raise IndexError("i")


def raise_matched_explicitly():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as g:
        raise g


def raise_group_in_handler():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        raise ExceptionGroup("new", [KeyError(1), KeyError(2)])


for name, f in list(globals().items()):
    if callable(f) and f.__module__ == "__main__" and name not in ("describe", "scenario"):
        scenario(name, f)

try:
    two_handlers_raise()
except ExceptionGroup:
    traceback.print_exc(file=sys.stdout)
two_handlers_raise()

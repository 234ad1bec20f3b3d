# sys.excepthook replaced: the hook receives the uncaught exception (type,
# value, traceback) instead of the default printer; sys.__excepthook__ still
# prints; an exception inside the hook is reported as CPython does.
import sys
import traceback


def hook(exc_type, exc, tb):
    print("hook:", exc_type.__name__, exc, type(tb).__name__, file=sys.stderr)
    print("frames:", [f.name for f in traceback.extract_tb(tb)], file=sys.stderr)
    sys.__excepthook__(exc_type, exc, tb)


sys.excepthook = hook
print(sys.excepthook is hook, sys.__excepthook__ is not hook)


def fail():
    raise LookupError("through the hook")


fail()

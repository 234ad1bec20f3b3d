# traceback.print_exception / print_exc / format_exc on groups, with
# chain=False and limit; TracebackException.exceptions for nested groups and
# format_exception_only of a group.
import sys
import traceback


def fail(kind):
    raise kind("x")


def collect():
    errs = []
    for kind in (ValueError, KeyError):
        try:
            fail(kind)
        except Exception as e:
            errs.append(e)
    return errs


try:
    try:
        raise OSError("before")
    except OSError:
        raise ExceptionGroup("eg", collect() + [ExceptionGroup("sub", collect())])
except ExceptionGroup as eg:
    traceback.print_exc(file=sys.stdout)
    traceback.print_exc(limit=0, file=sys.stdout)
    traceback.print_exception(eg, chain=False, file=sys.stdout)
    print(traceback.format_exc(limit=1), end="")
    te = traceback.TracebackException.from_exception(eg)
    print([t.exc_type.__name__ for t in te.exceptions], te.exceptions[2].exceptions[1].exc_type.__name__)
    print(traceback.format_exception_only(eg))

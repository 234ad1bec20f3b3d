# The boxed layout through the traceback module: format_exception of nested
# groups with leaves that have tracebacks, notes, causes; TracebackException
# options max_group_width/max_group_depth; print_exc inside except*.
import sys
import traceback


def fail(i):
    if i % 3 == 0:
        raise ValueError(f"v{i}")
    if i % 3 == 1:
        raise KeyError(i)
    raise TypeError(f"t{i}")


def gather(n):
    errors = []
    for i in range(n):
        try:
            fail(i)
        except Exception as e:
            if i == 1:
                e.add_note(f"note on {i}")
            errors.append(e)
    return errors


inner = ExceptionGroup("inner", gather(3))
try:
    raise ExceptionGroup("outer", [inner, RuntimeError("plain")])
except ExceptionGroup as eg:
    print("".join(traceback.format_exception(eg)), end="")
    te = traceback.TracebackException.from_exception(eg, max_group_width=1, max_group_depth=1)
    print("".join(te.format()), end="")
    te = traceback.TracebackException.from_exception(eg, max_group_width=2, max_group_depth=3)
    print("".join(te.format()), end="")
    print(traceback.format_exception_only(eg))
    print(len(te.exceptions), te.exceptions[0].exc_type.__name__)

try:
    try:
        raise ExceptionGroup("star", gather(4))
    except* KeyError:
        traceback.print_exc(file=sys.stdout)
        print(repr(sys.exc_info()[1]))
except* ValueError:
    traceback.print_exc(file=sys.stdout)
except* TypeError:
    pass

# Traceback objects: tb_next/tb_frame/tb_lineno/tb_lasti, with_traceback,
# __traceback__ assignment (None and type errors), building a traceback with
# types.TracebackType, and print_tb.
import sys
import traceback
import types


def a():
    b()


def b():
    raise ValueError("tb")


try:
    a()
except ValueError as e:
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_lasti >= 0))
        tb = tb.tb_next
    print(names)
    err = e

trimmed = err.__traceback__.tb_next
e2 = ValueError("moved").with_traceback(trimmed)
print(e2.__traceback__ is trimmed)
traceback.print_exception(e2, file=sys.stdout)
traceback.print_tb(trimmed, file=sys.stdout)
traceback.print_tb(err.__traceback__, limit=1, file=sys.stdout)
err.__traceback__ = None
traceback.print_exception(err, file=sys.stdout)
for bad in (5, "tb"):
    try:
        err.__traceback__ = bad
    except TypeError as te:
        print(type(te).__name__, te)
try:
    ValueError().with_traceback(5)
except TypeError as te:
    print(type(te).__name__, te)
frame = sys._getframe()
made = types.TracebackType(None, frame, 0, frame.f_lineno)
print(made.tb_lineno == frame.f_lineno, made.tb_next)
try:
    types.TracebackType(5, frame, 0, 1)
except TypeError as te:
    print(type(te).__name__, te)
raise RuntimeError("with a trimmed traceback").with_traceback(trimmed)

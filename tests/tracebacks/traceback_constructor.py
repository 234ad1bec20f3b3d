# types.TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno): tb_lasti and
# tb_lineno kept as given (an odd or negative tb_lasti included; a -1
# tb_lineno computed from the frame's code), and printed by the interpreter's
# own printer (_testcapi.traceback_print, an uncaught exception) and by
# traceback.py.
import io
import sys
import traceback
import types
import _testcapi


def get_tb():
    try:
        raise ValueError("x")
    except ValueError as e:
        return e.__traceback__


def here():
    return sys._getframe()


def show(tb):
    out = io.StringIO()
    _testcapi.traceback_print(tb, out)
    print(out.getvalue().replace(__file__, "FILE"), end="")
    print("".join(traceback.format_tb(tb)).replace(__file__, "FILE"), end="")


other = get_tb()
frame = here()
print(other.tb_lasti, other.tb_lineno)
for lasti, lineno in [(1, 2), (0, 9), (-4, 3), (7, -1), (6, 21), (8, -7)]:
    tb = types.TracebackType(other, frame, lasti, lineno)
    print(tb.tb_lasti, tb.tb_lineno, tb.tb_next is other, tb.tb_frame is frame)
    show(tb)

# The same line given three times folds as repeated lines do.
tb = other
for _ in range(5):
    tb = types.TracebackType(tb, frame, 6, 21)
show(tb)

for bad in [("no", frame, 1, 2), (other, "no", 1, 2), (other, frame, "no", 2), (other, frame, 1, "x"),
            (other, frame, 2**31, 1), (other, frame, 1, -2**40), (other, frame, 1.0, 1), (other, frame, 1)]:
    try:
        types.TracebackType(*bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    tb.tb_lasti = 3
except AttributeError as e:
    print("AttributeError", e)

e = KeyError("with a made-up traceback")
raise e.with_traceback(types.TracebackType(None, frame, 7, 40))

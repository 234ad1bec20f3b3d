# The traceback module's own truncation of wide and deep groups (it uses the
# same 15 / 10 limits as the interpreter), with chained leaves at the edge.
import traceback


def deep(n):
    g = ValueError("bottom")
    for i in range(n):
        g = ExceptionGroup(f"d{i}", [g, KeyError(i)])
    return g


wide = ExceptionGroup("wide", [TypeError(i) for i in range(16)])
print("".join(traceback.format_exception(wide)), end="")
print("".join(traceback.format_exception(deep(11))), end="")
te = traceback.TracebackException.from_exception(wide, max_group_width=3)
print("".join(te.format()), end="")

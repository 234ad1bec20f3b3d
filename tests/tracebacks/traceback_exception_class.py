# traceback.TracebackException: from_exception, format, format_exception_only,
# exc_type, stack, __cause__/__context__, capture_locals, comparisons, and
# lookup_lines=False.
import traceback


def inner(n, label="x"):
    items = [n, label]
    return items[n]


def outer(n):
    try:
        return inner(n)
    except IndexError:
        return int("not a number")


try:
    outer(5)
except ValueError as e:
    exc = e

te = traceback.TracebackException.from_exception(exc)
print(te.exc_type.__name__, str(te), te.__suppress_context__)
print(type(te.__context__).__name__, te.__context__.exc_type.__name__, te.__cause__)
print(len(te.stack), [f.name for f in te.stack])
print("".join(te.format()), end="")
print("".join(te.format(chain=False)), end="")
print(list(te.format_exception_only()))
te2 = traceback.TracebackException.from_exception(exc)
print(te == te2, te == 5)

tl = traceback.TracebackException.from_exception(exc.__context__, capture_locals=True)
for f in tl.stack:
    print(f.name, sorted(f.locals.items()))
print("".join(tl.format()), end="")

ts = traceback.TracebackException(type(exc), exc, exc.__traceback__, limit=1, lookup_lines=False)
print([f.line for f in ts.stack])
print("".join(ts.format()), end="")

try:
    compile("a +* b", "<te>", "exec")
except SyntaxError as s:
    ts = traceback.TracebackException.from_exception(s)
    print(ts.filename, ts.lineno, ts.offset, repr(ts.text), ts.msg)
    print("".join(ts.format_exception_only()), end="")

print("".join(traceback.TracebackException(KeyError, KeyError("k"), None).format()), end="")
raise exc

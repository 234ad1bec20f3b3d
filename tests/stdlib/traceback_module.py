import sys
import traceback


def inner(n):
    return [1, 2][n] + {"a": 1}["b" if n else "a"]


def outer(n):
    return inner(n) * 2


for n in (0, 1, 5):
    try:
        print(outer(n))
    except Exception as e:
        text = "".join(traceback.format_exception(e))
        print(text.replace(__file__, "FILE"))
        tb = e.__traceback__
        summary = traceback.extract_tb(tb)
        print([(fs.name, fs.lineno, fs.line) for fs in summary])
        print(traceback.format_exception_only(type(e), e))
        te = traceback.TracebackException.from_exception(e, capture_locals=True)
        print(te.exc_type.__name__, str(te), [sorted(f.locals) for f in te.stack])

try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("wrapped") from e
except ValueError as e:
    print("".join(traceback.format_exception(e, chain=True)).replace(__file__, "FILE"))
    print("".join(traceback.format_exception(e, chain=False)).replace(__file__, "FILE"))
    print(traceback.format_exc(limit=1).replace(__file__, "FILE"))

try:
    e = KeyError("k")
    e.add_note("note one")
    e.add_note("note two")
    raise e
except KeyError:
    traceback.print_exc(file=sys.stdout)

st = traceback.extract_stack(limit=1)
print(len(st), st[0].name, st[0].lineno)
print(traceback.format_list([("f.py", 3, "func", "x = 1"), ("g.py", 9, "<module>", None)]))
stack = traceback.StackSummary.from_list([("a.py", 1, "f", "pass")])
print(stack.format())


def recurse(n):
    return recurse(n + 1) if n < 50 else 1 / 0


try:
    recurse(0)
except ZeroDivisionError:
    lines = traceback.format_exc().replace(__file__, "FILE").splitlines()
    print("\n".join(lines[:6] + lines[-6:]))

try:
    compile("x = (1,\n", "<src>", "exec")
except SyntaxError as e:
    print("".join(traceback.format_exception_only(e)), end="")
try:
    eval("1 +* 2")
except SyntaxError:
    traceback.print_exc(file=sys.stdout)
print(repr(traceback.FrameSummary("x.py", 5, "fn", line="a = 1")))
print(traceback.walk_tb(None).__class__.__name__, list(traceback.walk_stack(None))[0][1] >= 1)


def gen_error():
    yield 1
    raise RuntimeError("in generator")


try:
    list(gen_error())
except RuntimeError:
    traceback.print_exc(file=sys.stdout)

eg = ExceptionGroup("many", [ValueError(1), TypeError(2)])
traceback.print_exception(eg, file=sys.stdout)
print(outer(9))

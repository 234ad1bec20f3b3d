# traceback objects: tb_frame, tb_lineno, tb_lasti, tb_next (writable), TracebackType(), frames of tracebacks.
import sys

def attempt(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "!", type(e).__name__, e)

def fail(n):
    marker = n * 2
    if n == 0:
        raise ValueError("bottom")
    return fail(n - 1)

try:
    fail(2)
except ValueError as e:
    tb = e.__traceback__

levels = []
t = tb
while t is not None:
    f = t.tb_frame
    same_line = f.f_lineno == t.tb_lineno if f is not sys._getframe() else None
    levels.append((f.f_code.co_name, t.tb_lineno, same_line, f.f_locals.get("marker"), t.tb_lasti == f.f_lasti))
    t = t.tb_next
print(levels)
print(tb.tb_frame is sys._getframe(), type(tb).__name__, type(tb.tb_frame).__name__)
last = tb.tb_next.tb_next.tb_next
print(last.tb_frame.f_back.f_code.co_name, last.tb_frame.f_back.f_locals["marker"], last.tb_next)

# the same frame object appears in every traceback entry for a frame
def two_raises():
    try:
        raise KeyError("a")
    except KeyError as e:
        first = e.__traceback__.tb_frame
    try:
        raise KeyError("b")
    except KeyError as e:
        second = e.__traceback__.tb_frame
    return first is second, first is sys._getframe()
print(two_raises())

# tb_next is writable with checks
try:
    fail(1)
except ValueError as e:
    tb = e.__traceback__
n1 = tb.tb_next
print(n1.tb_frame.f_code.co_name)
tb.tb_next = None
print(tb.tb_next)
tb.tb_next = n1
print(tb.tb_next is n1)
attempt("set int", lambda: setattr(tb, "tb_next", 5))
attempt("loop self", lambda: setattr(tb, "tb_next", tb))
attempt("loop deeper", lambda: setattr(n1.tb_next, "tb_next", tb))
attempt("delete", lambda: delattr(tb, "tb_next"))
attempt("tb_lineno set", lambda: setattr(tb, "tb_lineno", 3))
attempt("tb_frame set", lambda: setattr(tb, "tb_frame", None))

# constructing traceback objects
TracebackType = type(tb)
frame = sys._getframe()
new = TracebackType(None, frame, 6, 123)
print(new.tb_lineno, new.tb_lasti, new.tb_frame is frame, new.tb_next)
chained = TracebackType(new, frame, 0, 7)
print(chained.tb_next is new, chained.tb_lineno)
attempt("bad next", lambda: TracebackType(1, frame, 0, 1))
attempt("bad frame", lambda: TracebackType(None, 1, 0, 1))
attempt("bad lasti", lambda: TracebackType(None, frame, "0", 1))
attempt("missing", lambda: TracebackType(None, frame))
attempt("keywords", lambda: TracebackType(tb_next=None, tb_frame=frame, tb_lasti=2, tb_lineno=9).tb_lineno)

# with_traceback and raising with a built traceback
err = RuntimeError("built")
err2 = err.with_traceback(new)
print(err2 is err, err.__traceback__ is new)
try:
    raise err
except RuntimeError as e:
    t = e.__traceback__
    print(t.tb_next is new, t.tb_frame is frame)

# frames of exceptions raised in generators and nested functions
def gen():
    local_in_gen = "g"
    yield 1
    raise IndexError("from gen")
g = gen()
next(g)
try:
    next(g)
except IndexError as e:
    gf = e.__traceback__.tb_next.tb_frame
    print(gf.f_code.co_name, gf.f_locals, g.gi_frame)

def outer():
    x = "outer local"
    def inner():
        y = "inner local"
        raise TypeError("t")
    inner()
try:
    outer()
except TypeError as e:
    t = e.__traceback__
    names = []
    while t:
        names.append((t.tb_frame.f_code.co_name, sorted(k for k in t.tb_frame.f_locals if not k.startswith("__"))))
        t = t.tb_next
    print(names)

# sys.exc_info() traceback is the same object
try:
    fail(0)
except ValueError:
    info = sys.exc_info()
    print(info[2] is info[1].__traceback__, info[2].tb_next.tb_frame.f_code.co_name)

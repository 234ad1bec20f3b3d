# generator attributes through a generator's life: gi_frame, gi_running, gi_suspended, gi_code, gi_yieldfrom.
import sys

def sub():
    yield "s1"
    yield "s2"
    return "sub result"

def gen(n):
    total = 0
    me = yield "started"
    print("inside: running", me.gi_running, "suspended", me.gi_suspended, "frame is current", me.gi_frame is sys._getframe())
    r = yield from sub()
    total += n
    yield r
    return total

g = gen(5)
print(g.__name__, g.__qualname__, g.gi_code is gen.__code__, g.gi_code.co_name)
print(g.gi_running, g.gi_suspended, g.gi_yieldfrom, g.gi_frame.f_lineno, g.gi_frame.f_code.co_name)
print(sorted(g.gi_frame.f_locals.items(), key=str))
print(next(g), g.gi_suspended, g.gi_frame.f_lineno)
frame = g.gi_frame
print(g.send(g), g.gi_yieldfrom.__name__, g.gi_yieldfrom.gi_frame.f_code.co_name)
print(frame is g.gi_frame, frame.f_back, sorted(frame.f_locals))
print(next(g), next(g), g.gi_yieldfrom)
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value, g.gi_frame, g.gi_running, g.gi_suspended, g.gi_yieldfrom)
print(frame.f_code.co_name, frame.f_locals.get("total"))

# names are writable
g = gen(1)
g.__name__ = "renamed"
g.__qualname__ = "Q.renamed"
print(g.__name__, g.__qualname__, repr(g).startswith("<generator object Q.renamed at "))
def attempt(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "!", type(e).__name__, e)
attempt("name int", lambda: setattr(g, "__name__", 1))
attempt("qualname None", lambda: setattr(g, "__qualname__", None))
attempt("gi_frame set", lambda: setattr(g, "gi_frame", None))
attempt("gi_running set", lambda: setattr(g, "gi_running", True))
g.close()
print(g.gi_frame, g.gi_suspended)

# PEP 479: StopIteration inside a generator becomes RuntimeError
def leaks():
    yield 1
    raise StopIteration("leak")
g = leaks()
next(g)
try:
    next(g)
except RuntimeError as e:
    print("RuntimeError", e, type(e.__cause__).__name__, e.__cause__, e.__suppress_context__)

def leaks_via_next():
    it = iter([])
    yield next(it)
try:
    list(leaks_via_next())
except RuntimeError as e:
    print("RuntimeError", e, type(e.__context__).__name__)

# a finished generator stays finished
def once():
    yield 1
g = once()
print(list(g), list(g), next(g, "default"))
attempt("send after end", lambda: g.send(None))
attempt("throw after end", lambda: g.throw(KeyError("late")))
print(g.close())

# send non-None to a just-started generator
attempt("send non-None", lambda: once().send(1))
# generator expressions have the same attributes
ge = (x * 2 for x in range(3))
print(ge.__name__, ge.gi_code.co_name, ge.gi_running, next(ge), sorted(ge.gi_frame.f_locals))

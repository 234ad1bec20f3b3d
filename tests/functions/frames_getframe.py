# sys._getframe(), frame attributes, f_back chains, locals snapshots, frames outliving their calls.
import sys

def attempt(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "!", type(e).__name__, e)

def here():
    return sys._getframe(1)

def describe(fr):
    return (fr.f_code.co_name, fr.f_lineno, fr.f_code.co_filename == __file__)

def level3():
    return [describe(sys._getframe(i)) for i in range(3)]
def level2():
    return level3()
def level1():
    return level2()
print(level1())

top = sys._getframe()
print(top.f_code.co_name, top.f_back, top.f_globals is globals(), top.f_locals is globals())
print(top.f_builtins is __builtins__.__dict__, type(top).__name__, type(top).__module__)
print(sys._getframe(0) is sys._getframe(), sys._getframe(-5) is top)
attempt("too deep", lambda: sys._getframe(50))
attempt("depth str", lambda: sys._getframe("1"))
attempt("two args", lambda: sys._getframe(1, 2))
attempt("float", lambda: sys._getframe(1.5))

def caller_name():
    return sys._getframe(1).f_code.co_name
def some_function():
    return caller_name()
print(some_function(), (lambda: caller_name())())

# f_locals of a function frame is a snapshot refreshed on each access
def snap():
    a = 1
    fr = sys._getframe()
    first = sorted(fr.f_locals)
    b = 2
    second = fr.f_locals
    del a
    third = sorted(fr.f_locals)
    return first, sorted(second), third, fr.f_locals is fr.f_locals
print(snap())

# locals() returns the same dict, extra keys survive
def same_dict():
    x = 1
    d1 = locals()
    d1["extra"] = "kept"
    y = 2
    d2 = locals()
    return d1 is d2, sorted(d2), x
print(same_dict())

# writes to f_locals do not reach the variables
def write_back():
    v = "original"
    sys._getframe().f_locals["v"] = "changed"
    return v
print(write_back())

# cells and free variables appear in f_locals
def outer():
    cell_var = "cell"
    def inner():
        return sys._getframe().f_locals, cell_var
    return inner(), sorted(sys._getframe().f_locals)
print(outer())

# class bodies and module frames: f_locals is the namespace
class K:
    attr = 1
    ns = sys._getframe().f_locals
    print(type(ns).__name__, sorted(ns), sys._getframe().f_code.co_name)

# a frame object stays valid after its function returned
def make_frame(n):
    local_value = n * 10
    return sys._getframe()
fr = make_frame(4)
print(fr.f_code.co_name, fr.f_locals, fr.f_back is top, fr.f_lineno, fr.f_lasti > 0)
fr2 = make_frame(5)
print(fr is fr2, fr2.f_locals["local_value"], fr.f_locals["local_value"])

def chain():
    return here()
print(chain().f_code.co_name)

# frame.clear()
def clearable():
    secret = "s"
    return sys._getframe()
cf = clearable()
print(sorted(cf.f_locals))
print(cf.clear(), cf.f_locals)
attempt("clear running", lambda: sys._getframe().clear())

# f_trace is settable and not used
fr = make_frame(1)
print(fr.f_trace)
fr.f_trace = print
print(fr.f_trace is print)
fr.f_trace = None
print(fr.f_trace, fr.f_trace_lines, fr.f_trace_opcodes)
fr.f_trace_opcodes = True
print(fr.f_trace_opcodes)
attempt("trace_lines int", lambda: setattr(fr, "f_trace_lines", 1))
attempt("set f_lineno type", lambda: setattr(fr, "f_code", None))
attempt("f_back set", lambda: setattr(fr, "f_back", None))

# recursion depth seen through frames
def depth_of(n):
    if n == 0:
        d, f = 0, sys._getframe()
        while f.f_back is not None:
            d += 1
            f = f.f_back
        return d
    return depth_of(n - 1)
print(depth_of(5), depth_of(0))

# frames inside comprehensions, lambdas and nested calls
print([sys._getframe().f_code.co_name for _ in range(1)])
print((lambda: sys._getframe().f_code.co_name)(), sys._getframe().f_code.co_name)
print(sorted(sys._getframe(0).f_code.co_varnames), sys._getframe(0).f_code.co_flags & 1)

# Replacing a function's __code__ while frames of it run: each running frame
# keeps its own code (and globals), even when nothing else holds that code.
import gc
import sys
import traceback
import types


def fresh(fn):
    """A copy of fn whose code object only the function holds."""
    fn.__code__ = fn.__code__.replace(co_consts=fn.__code__.co_consts + ("unique",))
    return fn


def other():
    return "other code"


def swap_self(n):
    swap_self.__code__ = other.__code__
    gc.collect()
    total = 0
    for i in range(n):
        total += i
    return total, sys._getframe().f_code.co_name, sys._getframe().f_lineno, swap_self()


fresh(swap_self)
print(swap_self(10))
print(swap_self())


# Recursion: the innermost call swaps; every outer frame still runs old code.
def countdown(n, log):
    if n == 0:
        countdown.__code__ = other.__code__
        gc.collect()
        return "bottom"
    r = countdown(n - 1, log)
    log.append((n, sys._getframe().f_code.co_name, sys._getframe().f_lineno))
    return r


fresh(countdown)
log = []
print(countdown(5, log), log)
print(countdown())


# An exception raised after the swap: the traceback shows the old code's lines.
def raiser(x):
    raiser.__code__ = other.__code__
    gc.collect()
    y = [1, 2, 3]
    return y[x]


fresh(raiser)
try:
    raiser(10)
except IndexError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print(type(e).__name__, e, tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_frame.f_locals)
    print(traceback.format_tb(e.__traceback__)[-1].splitlines()[1:])
print(raiser())


# The frame object outlives the frame.
def keeper():
    keeper.__code__ = other.__code__
    gc.collect()
    a = "local a"
    return sys._getframe()


fresh(keeper)
fr = keeper()
gc.collect()
print(fr.f_code.co_name, fr.f_lineno, fr.f_locals, fr.f_globals is globals())


# An __init__ called by a class call, swapping its own code.
def other_init(self, *args):
    self.v = "other init"


class Point:
    def __init__(self, x, y):
        type(self).__init__.__code__ = other_init.__code__
        gc.collect()
        self.x = x
        self.y = y


fresh(Point.__init__)
for i in range(3):
    p = Point(i, i + 1)
    print(vars(p))


# An operator method swapping its code while running.
def other_add(self, o):
    return "other add"


class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        Num.__add__.__code__ = other_add.__code__
        gc.collect()
        return Num(self.v + o.v)

    def __repr__(self):
        return f"Num({self.v})"


fresh(Num.__add__)
print(Num(1) + Num(2), Num(1) + Num(2))


# A generator swapping its function's code while running keeps its own.
def other_gen():
    yield "other gen"


def gen(n):
    gen.__code__ = other_gen.__code__
    gc.collect()
    for i in range(n):
        yield i, sys._getframe().f_code.co_name


fresh(gen)
g = gen(3)
print(list(g), list(gen()))


# Code without CO_OPTIMIZED, used as __init__ and as an operator method: its
# frame's locals are its globals.
ns = {"__name__": "ns_module", "hits": 0}
CO_OPTIMIZED, CO_NEWLOCALS = 1, 2


def unoptimized(fn):
    code = fn.__code__
    return types.FunctionType(code.replace(co_flags=code.co_flags & ~(CO_OPTIMIZED | CO_NEWLOCALS)), ns, None, fn.__defaults__)


def init(self, tag="t"):
    global hits
    hits = hits + 1
    self.tag = tag * hits


def add(self, other):
    global hits
    hits = hits + 10
    return (hits, other)


Init = unoptimized(init)
Add = unoptimized(add)


class Odd:
    pass


Odd.__init__ = lambda self: None
for i in range(3):
    o = Odd()
Odd.__init__ = Init
tags = []
for i in range(30):
    o = Odd()
    tags.append(len(o.tag))
print("init ran", tags, ns["hits"])
Odd.__add__ = Add
sums = []
for i in range(30):
    sums.append(Odd.__new__(Odd) + i)
print(sums[:3], sums[-1])
print(ns["hits"], "hits" in globals())


# exec with separate locals, a class body, and a swap inside a class body's method call.
loc = {}
exec("a = 1\ndef f():\n    return a\nb = f() if 'a' in globals() else 'no global a'\n", {}, loc)
print(sorted(loc), loc["b"])


class Body:
    x = 1
    y = x + 1
    names = sorted(locals())


print(Body.y, Body.names)

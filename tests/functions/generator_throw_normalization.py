# throw() arguments are normalized where the exception is raised (a failing
# exception constructor raises inside the generator), a subgenerator receives
# them as given, and frames run during a delegated throw see the delegating
# generator's frame as their caller.
import sys
import traceback
import types


class E(Exception):
    def __new__(cls, *args, **kwargs):
        return cls


class Loud(Exception):
    made = 0

    def __init__(self, *args):
        Loud.made += 1
        super().__init__(*args)


def boring():
    yield


g = boring()
try:
    g.throw(E)
except TypeError as e:
    print("TypeError", e)
try:
    next(g)
except StopIteration:
    print("finished by the TypeError thrown in")


def catcher():
    try:
        yield 1
    except TypeError as e:
        print("caught inside:", e)
        yield 2


g = catcher()
next(g)
print("yielded", g.throw(E))


def failing_ctor():
    try:
        yield
    except ZeroDivisionError:
        print("ctor error raised inside")
        yield "handled"


class BadInit(Exception):
    def __init__(self, *a):
        1 / 0


g = failing_ctor()
next(g)
print(g.throw(BadInit))

# Refused arguments are raised to the caller, leaving the generator alone.
g = catcher()
next(g)
for args in [(ValueError("x"), "v"), (42,), (ValueError, None, 3), ("str",)]:
    try:
        g.throw(*args)
    except TypeError as e:
        print("refused:", e)
print(g.gi_suspended, g.gi_running)
g.close()


def inner():
    try:
        yield "inner"
    except Exception as e:
        print("inner got", type(e).__name__, e.args)
        yield "inner again"


def outer():
    r = yield from inner()
    return r


g = outer()
next(g)
print(g.throw(Loud, "a"), "instances made:", Loud.made)
g.close()

# A subiterator's own throw() gets the arguments as given.
class Sub:
    def __iter__(self):
        return self

    def __next__(self):
        return "sub"

    def throw(self, *args):
        print("Sub.throw got", [a if isinstance(a, (str, type(None))) else type(a).__name__ for a in args])
        raise StopIteration("sub done")


def via_sub():
    r = yield from Sub()
    print("yield from returned", r)
    yield "after"


g = via_sub()
next(g)
print(g.throw(ValueError, "val"))
g = via_sub()
next(g)
print(g.throw(ValueError("inst")))


# Stack seen from inside a delegated throw.
def names_of(frame):
    out = []
    while frame is not None and frame.f_code.co_name != "drive":
        out.append(frame.f_code.co_name)
        frame = frame.f_back
    return out


def f():
    print("f sees", names_of(sys._getframe()))
    try:
        yield
    except Exception:
        pass
    print("f after throw sees", names_of(sys._getframe()))
    yield


def g_():
    yield from f()


def drive(how):
    gen = g_()
    gen.send(None)
    how(gen)


drive(lambda gen: gen.send(None))
drive(lambda gen: gen.throw(RuntimeError))


async def a():
    return await b()


async def b():
    return await c()


@types.coroutine
def c():
    try:
        yield len(traceback.extract_stack())
    except ZeroDivisionError:
        yield len(traceback.extract_stack())


coro = a()
sent = coro.send(None)
thrown = coro.throw(ZeroDivisionError)
print("stack depth send == throw:", sent == thrown)
coro.close()

# The traceback of an exception thrown through yield from.
def deep():
    yield


def middle():
    yield from deep()


gen = middle()
next(gen)
try:
    gen.throw(KeyError("k"))
except KeyError:
    tb = traceback.format_exc().replace(__file__, "FILE")
    print(tb)

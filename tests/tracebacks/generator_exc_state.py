# A generator (or coroutine) handles its own exception: sys.exc_info() in it
# sees the resumer's exception only while it handles none itself, leaving an
# except block inside it restores its own state (not the state of whoever
# resumed it first), and bare `raise` / __context__ follow the same chain.
import sys


def state():
    e = sys.exc_info()[1]
    return None if e is None else repr(e)


def g():
    print("  start:", state())
    try:
        raise ValueError("in gen")
    except ValueError:
        print("  in handler:", state())
        yield 1
        print("  handler resumed:", state())
    print("  after handler:", state())
    yield 2
    print("  end:", state())


gen = g()
try:
    raise IndexError("caller")
except IndexError:
    print("first next:", next(gen))
print("outside:", state())
print("second next:", next(gen))
try:
    raise KeyError("other caller")
except KeyError:
    print("third next:", next(gen, "done"))
print("outside again:", state())


# The caller's exception is the context of one raised in the generator.
def raiser():
    yield
    raise RuntimeError("from gen")


r = raiser()
next(r)
try:
    try:
        raise LookupError("handled by caller")
    except LookupError:
        next(r)
except RuntimeError as e:
    print("context:", repr(e.__context__))


# Bare raise in a generator re-raises the resumer's exception.
def reraiser():
    yield
    raise


rr = reraiser()
next(rr)
try:
    try:
        raise ZeroDivisionError("caller's")
    except ZeroDivisionError:
        next(rr)
except ZeroDivisionError as e:
    print("re-raised:", repr(e))


# Nested generators: each keeps its own.
def inner():
    try:
        raise TypeError("inner")
    except TypeError:
        yield "inner in handler: " + str(state())
    yield "inner after: " + str(state())


def outer():
    try:
        raise NameError("outer")
    except NameError:
        it = inner()
        yield next(it)
        yield "outer in handler: " + str(state())
    yield next(it)
    yield "outer after: " + str(state())


for line in outer():
    print(line)


# throw() into a suspended handler.
def catcher():
    try:
        raise OSError("own")
    except OSError:
        try:
            yield 1
        except ValueError:
            print("  caught thrown, context:", repr(sys.exc_info()[1].__context__))
            yield 2
        print("  back in own handler:", state())
    yield 3


c = catcher()
next(c)
print(c.throw(ValueError("thrown")))
print(next(c))


# Coroutines too.
async def coro():
    print("  coro start:", state())
    try:
        raise ArithmeticError("coro")
    except ArithmeticError:
        await Suspend()
        print("  coro resumed:", state())
    print("  coro after:", state())


class Suspend:
    def __await__(self):
        yield "suspended"


co = coro()
try:
    raise BufferError("driver")
except BufferError:
    print(co.send(None))
try:
    co.send(None)
except StopIteration:
    print("coro finished, outside:", state())

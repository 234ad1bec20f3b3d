# close() and throw() on plain generators: finally blocks, GeneratorExit handling, return values, contexts.
log = []

def with_finally():
    try:
        yield 1
        yield 2
    finally:
        log.append("finally ran")

g = with_finally()
next(g)
print(g.close(), log)
g = with_finally()
print(g.close(), log, "(not started: no finally)")

def catches_exit():
    try:
        yield 1
    except GeneratorExit:
        log.append("saw GeneratorExit")
        raise

g = catches_exit()
next(g)
g.close()
print(log)

def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        return "ignored return value"
g = returns_on_exit()
next(g)
print("close returns", g.close())

def raises_other():
    try:
        yield 1
    except GeneratorExit:
        raise ValueError("during close")
g = raises_other()
next(g)
try:
    g.close()
except ValueError as e:
    print("ValueError", e, type(e.__context__).__name__)

def yields_in_finally():
    try:
        yield 1
    finally:
        yield "oops"
g = yields_in_finally()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError", e)
print(list(g))

# throw() into a generator: caught, uncaught, re-raised, with context
def handler():
    while True:
        try:
            x = yield
            print("got", x)
        except KeyError as e:
            print("handled", repr(e))
        except ValueError:
            print("re-raising")
            raise
g = handler()
next(g)
g.send("a")
g.throw(KeyError("k"))
g.send("b")
try:
    g.throw(ValueError("v"))
except ValueError as e:
    print("propagated", e)
try:
    g.send("c")
except StopIteration:
    print("finished after exception")

def ctx():
    try:
        raise IndexError("original")
    except IndexError:
        yield "in handler"
g = ctx()
print(next(g))
try:
    g.throw(TypeError("thrown"))
except TypeError as e:
    print("context:", repr(e.__context__))

# the thrown exception's traceback includes the generator frame
import sys
def tb_gen():
    yield 1
g = tb_gen()
next(g)
try:
    g.throw(OSError("io"))
except OSError as e:
    t = e.__traceback__
    names = []
    while t:
        names.append(t.tb_frame.f_code.co_name)
        t = t.tb_next
    print(names)

# StopIteration thrown in becomes RuntimeError
def simple():
    yield 1
    yield 2
g = simple()
next(g)
try:
    g.throw(StopIteration)
except RuntimeError as e:
    print("RuntimeError", e)

# GeneratorExit thrown with throw() behaves like close() but propagates
g = simple()
next(g)
try:
    g.throw(GeneratorExit)
except GeneratorExit:
    print("GeneratorExit propagated")
print(list(g))

# close from a finalizer when the generator is dropped
def noisy():
    try:
        yield 1
    finally:
        print("noisy finally")
g = noisy()
next(g)
del g
print("after del")

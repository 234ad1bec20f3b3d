# Generators: send, throw, close, yield from, return values.
def echo():
    received = []
    try:
        while True:
            x = yield len(received)
            received.append(x)
    except GeneratorExit:
        print("closing with", received)
        raise
    finally:
        print("finally")
g = echo()
print(next(g), g.send("a"), g.send("b"))
g.close()
g.close()
def ret():
    yield 1
    return "done"
it = ret()
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("StopIteration value:", e.value)
def inner():
    x = yield "i1"
    y = yield f"i2 {x}"
    return x + y
def outer():
    r = yield from inner()
    yield f"inner returned {r}"
o = outer()
print(next(o), o.send(10), o.send(5))
def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            yield f"caught {e}"
c = catcher()
print(next(c), c.throw(ValueError("boom")), next(c))
try:
    c.throw(KeyError("k"))
except KeyError as e:
    print("KeyError escaped:", e)
print(list(c))
def unstarted():
    yield 1
u = unstarted()
try:
    u.send(5)
except TypeError as e:
    print("TypeError:", e)
def bad_close():
    try:
        yield 1
    except GeneratorExit:
        yield 2
b = bad_close()
next(b)
try:
    b.close()
except RuntimeError as e:
    print("RuntimeError:", e)
def stop_inside():
    raise StopIteration("x")
    yield
try:
    next(stop_inside())
except RuntimeError as e:
    print("RuntimeError:", e, "|", repr(e.__cause__))
def running():
    yield gen.send(None)
gen = running()
try:
    next(gen)
except ValueError as e:
    print("ValueError:", e)
def delegate_list():
    yield from [1, 2]
    yield from range(3, 5)
    yield from "ab"
print(list(delegate_list()))
fin = (x for x in range(3))
print(type(fin).__name__, next(fin), list(fin), list(fin))

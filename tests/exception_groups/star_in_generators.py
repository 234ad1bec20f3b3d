# except* inside generators: groups thrown in with throw(), handlers that
# yield (the rest is re-raised only when the handler finishes).


def gen():
    while True:
        try:
            yield "ready"
        except* ValueError as g:
            yield f"values {len(g.exceptions)}"
        except* KeyError:
            yield "keys"


g = gen()
print(next(g))
print(g.throw(ExceptionGroup("t", [ValueError(1), ValueError(2)])))
print(next(g))
print(g.throw(KeyError("k")))
print(next(g))
try:
    g.throw(ExceptionGroup("t", [ValueError(1), TypeError(2)]))
except ExceptionGroup as e:
    print("out of generator:", repr(e))
print(next(g, "exhausted"))



def coro_like():
    result = []
    try:
        x = yield
        result.append(x)
    except* OSError as g:
        result.append(("os", len(g.exceptions)))
        yield result
    return result


c = coro_like()
next(c)
print(c.throw(ExceptionGroup("io", [OSError(1), OSError(2)])))
try:
    next(c)
except StopIteration as stop:
    print("returned:", stop.value)
c = coro_like()
next(c)
c.throw(ExceptionGroup("mixed", [OSError(1), ZeroDivisionError(2)]))
next(c)

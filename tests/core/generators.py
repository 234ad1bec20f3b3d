def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"
print(list(count(5)), sum(count(100)), [x * x for x in count(4)])
g = count(2)
print(next(g), next(g), next(g, "end"))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.args)
def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            break
        received.append(x)
    return received
e = echo()
print(next(e), e.send("a"), e.send("b"))
try:
    e.send(None)
except StopIteration as s:
    print("returned", s.value)
def delegate():
    r = yield from count(3)
    print("inner returned", r)
    yield from [10, 20]
    yield from (c for c in "xy")
print(list(delegate()))
print(sum(x for x in range(10) if x % 2), max(len(w) for w in ["a", "abc", "ab"]))
print(any(x > 3 for x in range(5)), all(x < 3 for x in range(5)), dict((k, k * 2) for k in range(3)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
out = []
for v in fib():
    if v > 100:
        break
    out.append(v)
print(out)
def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("generator cleanup")
w = with_finally()
print(next(w))
w.close()
print("closed")
def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as exc:
            print("caught inside:", exc)
c = catcher()
next(c)
print(c.throw(ValueError("boom")))
def bad():
    yield 1
    raise StopIteration("oops")
try:
    list(bad())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)
gen = (i for i in range(3))
print(type(gen).__name__, gen.__name__, iter(gen) is gen, list(gen), list(gen))
def nested(n):
    if n:
        yield n
        yield from nested(n - 1)
print(list(nested(5)))
def gen_with_exc_state():
    try:
        raise KeyError("k")
    except KeyError:
        yield 1
        raise
gs = gen_with_exc_state()
print(next(gs))
try:
    next(gs)
except KeyError as e:
    print("re-raised from generator:", repr(e))
print(list(zip(count(3), "abc")), list(enumerate(count(2))), sorted(count(4), reverse=True))

# FOR_ITER over generators, whose frames the dispatch loop resumes itself:
# the same site later sees lists, generators that raise, close, recurse,
# are finalized, or are resumed from inside their own loop.
import sys


def count(n):
    for i in range(n):
        yield i
    return "done"


def total(it):
    t = 0
    for x in it:
        t += x
    return t


for _ in range(50):
    r = total(count(20))
print(r, total([1, 2, 3]), total(count(5)), total(range(4)), total(iter((7, 8))))


# A generator raising mid-loop: the loop's frame sees it, the generator is
# finished afterwards.
def faulty(n):
    yield 1
    yield 2
    if n:
        raise KeyError(n)
    yield 3


g = faulty("boom")
try:
    total(g)
except KeyError as e:
    tb = e.__traceback__
    names = []
    while tb:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print("KeyError", e, names, g.gi_frame, g.gi_running)
print(total(g), total(faulty(0)))


# PEP 479: StopIteration inside the generator becomes RuntimeError.
def leaky():
    yield 1
    raise StopIteration("leak")


try:
    total(leaky())
except RuntimeError as e:
    print("RuntimeError", e, repr(e.__cause__), e.__suppress_context__)


# Closed or resumed by hand while the loop holds it.
def closable():
    try:
        for i in range(10):
            yield i
    finally:
        print("closable finally")


g = closable()
seen = []
for x in g:
    seen.append(x)
    if x == 3:
        g.close()
print(seen, g.gi_frame)

g = count(10)
seen = []
for x in g:
    seen.append(x)
    if x % 3 == 0:
        seen.append(next(g, None))
print(seen)


def reentrant():
    yield 1
    try:
        next(me)
    except ValueError as e:
        print("ValueError", e)
    yield 2


me = reentrant()
print(list(x for x in me))
me = reentrant()
print([x for x in me])


# Breaking out leaves it suspended; dropping it runs its finally.
def noisy():
    try:
        yield "a"
        yield "b"
    finally:
        print("noisy finalized")


g = noisy()
for x in g:
    print("got", x)
    break
print(g.gi_suspended if hasattr(g, "gi_suspended") else "suspended", next(g))
del g
for x in noisy():
    print("got", x)
    break
print("after break")


# The exception state inside the generator and in the loop body.
def exc_view():
    yield sys.exc_info()[0]
    try:
        raise IndexError
    except IndexError:
        yield sys.exc_info()[0]
    yield sys.exc_info()[0]


try:
    raise LookupError
except LookupError:
    print([t.__name__ if t else None for t in exc_view()])
print([t.__name__ if t else None for t in exc_view()])
for t in exc_view():
    print(sys.exc_info()[0], t)


# yield from, recursion, and send/throw between iterations.
def tree(n):
    if n:
        yield from tree(n - 1)
        yield n
        yield from tree(n - 1)


print(total(tree(10)), list(tree(3)))


def walk(depth):
    if depth:
        for x in walk(depth - 1):
            yield x + 1
    else:
        yield 0


print(list(walk(50)))
for limit in (900, 1100):
    try:
        print(len(list(walk(limit))))
    except RecursionError as e:
        print("RecursionError", e)


def echo():
    got = None
    while True:
        try:
            got = yield got
        except ZeroDivisionError:
            got = "caught"


g = echo()
out = []
for i, x in enumerate(g):
    out.append(x)
    if i == 2:
        out.append(g.send("sent"))
    if i == 4:
        out.append(g.throw(ZeroDivisionError))
    if i == 6:
        break
print(out)


# The site deoptimizes and comes back.
def consume(xs):
    return [x for x in xs]


for _ in range(30):
    consume(count(3))
for _ in range(30):
    consume([9])
print(consume(count(4)), consume("ab"), consume({1: 2}))

# Finally an uncaught error from a generator in a loop.
total(faulty("last"))

# StopIteration raised inside a generator becomes RuntimeError "generator
# raised StopIteration" with the StopIteration as its cause; next() on an
# exhausted generator; a running generator re-entered; send to a just-started
# generator; throw with odd arguments.
import sys
import traceback


def leaky():
    yield 1
    next(iter([]))


def show(f):
    try:
        f()
    except Exception:
        traceback.print_exc(file=sys.stdout)


show(lambda: list(leaky()))


def reenter():
    yield me.send(None)


me = reenter()
show(lambda: next(me))
g = (x for x in [1])
show(lambda: g.send(5))
show(lambda: g.throw(1))
show(lambda: g.throw(ValueError, ValueError(1), 5))
done = iter([])
show(lambda: next(done))


def returns_value():
    return "result"
    yield


try:
    next(returns_value())
except StopIteration as e:
    print(repr(e), e.value)

for v in leaky():
    print(v)

import contextlib
import io
import sys
from contextlib import (contextmanager, suppress, redirect_stdout, redirect_stderr, ExitStack,
                        closing, nullcontext, AbstractContextManager, chdir)


@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    except ValueError as e:
        print("caught inside", e)
    finally:
        print(f"</{name}>")


with tag("a") as t:
    print("body", t)
with tag("b"):
    raise ValueError("boom")
try:
    with tag("c"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", repr(e))


@tag("deco")
def decorated(x):
    print("decorated body", x)
    return x * 2


print(decorated(21))

with suppress(ZeroDivisionError, KeyError):
    1 / 0
print("after suppress")
try:
    with suppress(KeyError):
        raise IndexError("not suppressed")
except IndexError as e:
    print("IndexError", e)

buf = io.StringIO()
with redirect_stdout(buf):
    print("captured")
    help_text = "x"
print(repr(buf.getvalue()))
err = io.StringIO()
with redirect_stderr(err):
    print("to err", file=sys.stderr)
print(repr(err.getvalue()))

log = []
with ExitStack() as stack:
    for i in range(3):
        stack.callback(log.append, i)
    stack.enter_context(tag("inner"))
    f = stack.enter_context(closing(io.StringIO("data")))
    print(f.read())
print(log)

with ExitStack() as outer:
    outer.callback(print, "first registered, runs last")
    moved = outer.pop_all()
print("outer closed")
moved.close()


def failing_cb():
    raise RuntimeError("from callback")


try:
    with ExitStack() as s:
        s.callback(failing_cb)
        s.callback(print, "second cb runs first")
        raise ValueError("body error")
except RuntimeError as e:
    print("RuntimeError", e, "context:", repr(e.__context__))


class Resource(AbstractContextManager):
    def __exit__(self, *exc):
        print("Resource exit", exc[0])
        return False


with Resource() as r:
    print(type(r).__name__)
print(issubclass(Resource, AbstractContextManager), isinstance(nullcontext(), AbstractContextManager))
with nullcontext(42) as v:
    print(v)


@contextmanager
def no_yield():
    if False:
        yield


try:
    with no_yield():
        pass
except RuntimeError as e:
    print("RuntimeError", e)


@contextmanager
def two_yields():
    yield 1
    yield 2


try:
    with two_yields():
        pass
except RuntimeError as e:
    print("RuntimeError", e)


class Reusable(contextlib.ContextDecorator):
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, *a):
        print("exit")


@Reusable()
def g():
    print("in g")


g()
g()
import os
here = os.getcwd()
with chdir(os.path.dirname(here) or "/"):
    print(os.getcwd() == os.path.dirname(here) or os.getcwd())
print(os.getcwd() == here)
with tag("last"):
    raise StopIteration("inside")

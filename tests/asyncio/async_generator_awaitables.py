# The awaitables of async generators (asend/athrow/aclose) driven by hand:
# ag_running, reuse errors, "already running" errors, ignored GeneratorExit,
# StopAsyncIteration escaping the body, and the finalizer hooks.
import gc
import sys
import types


@types.coroutine
def pause(tag):
    return (yield tag)


def show(label, fn, *args):
    try:
        r = fn(*args)
        print(label, "->", repr(r))
    except BaseException as e:
        print(label, "!", type(e).__name__, repr(e.args))
        if e.__cause__ is not None:
            print("   cause:", type(e.__cause__).__name__)


async def agen():
    try:
        x = await pause("a1")
        print("  got", x)
        yield 1
        await pause("a2")
        yield 2
    finally:
        print("  agen finally")


g = agen()
print("ag_running:", g.ag_running, "ag_await:", g.ag_await)
n1 = g.__anext__()
print(type(n1).__name__, n1.__await__() is n1, iter(n1) is n1)
show("step 1", n1.send, None)
print("ag_running while awaiting:", g.ag_running, type(g.ag_await).__name__)
n2 = g.__anext__()
show("second __anext__ while running", n2.send, None)
show("second __anext__ again", n2.send, None)
show("step 2", n1.send, "sent")
print("ag_running after yield:", g.ag_running)
show("reuse finished asend", n1.send, None)
show("reuse via throw", n1.throw, ValueError)
a = g.asend("ignored at start")
show("asend step", a.send, None)
c = g.aclose()
show("aclose while running", c.send, None)
show("aclose reuse", c.send, None)
show("asend throw into body", a.throw, KeyError("k"))
print("ag_running:", g.ag_running, "ag_frame:", g.ag_frame)
show("anext after end", g.__anext__().send, None)
show("aclose after end", g.aclose().send, None)
show("athrow after end", g.athrow(ValueError).send, None)

# athrow on a fresh generator: its arguments are checked when it runs.
g = agen()
t = g.athrow()
show("athrow no args", t.send, None)
g = agen()
show("athrow 4 args", g.athrow(1, 2, 3, 4).send, None)
g = agen()
show("athrow bad type", g.athrow(42).send, None)
g = agen()
t = g.athrow(ValueError, "v")
show("athrow non-None first send", t.send, 5)
show("athrow on unstarted", t.send, None)
show("athrow reuse", t.send, None)


async def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2


g = ignores_exit()
show("start", g.__anext__().send, None)
show("aclose ignoring", g.aclose().send, None)


async def awaits_in_finally():
    try:
        yield 1
    finally:
        v = await pause("cleanup")
        print("  finally got", v)


g = awaits_in_finally()
show("start", g.__anext__().send, None)
c = g.aclose()
show("aclose awaits", c.send, None)
print("ag_running during aclose:", g.ag_running)
show("aclose finishes", c.send, "done")
show("aclose closed", g.aclose().send, None)

g = awaits_in_finally()
show("start", g.__anext__().send, None)
c = g.aclose()
show("aclose awaits", c.send, None)
show("aclose throw", c.throw, GeneratorExit)
g = awaits_in_finally()
show("start", g.__anext__().send, None)
c = g.aclose()
c.send(None)
show("close the aclose", c.close)
show("send after close", c.send, None)


async def raises_sai():
    yield 1
    raise StopAsyncIteration("x")


g = raises_sai()
g.__anext__().send(None) if False else None
show("first", g.__anext__().send, None)
show("raised StopAsyncIteration", g.__anext__().send, None)

g = raises_sai()
show("first", g.__anext__().send, None)
show("aclose", g.aclose().send, None)


async def sai_on_close():
    try:
        yield 1
    finally:
        raise StopAsyncIteration


g = sai_on_close()
show("first", g.__anext__().send, None)
show("aclose with StopAsyncIteration in finally", g.aclose().send, None)

# Hooks: firstiter sees the generator on its first step; the finalizer in
# force then is the one called when it is freed unfinished.
calls = []
old = sys.get_asyncgen_hooks()
print(type(old).__name__, old.firstiter, old.finalizer)
sys.set_asyncgen_hooks(firstiter=lambda ag: calls.append(("first", ag.__name__)),
                       finalizer=lambda ag: calls.append(("final A", ag.__name__)))
g = agen()
calls.append("made")
n = g.__anext__()
n.send(None)
sys.set_asyncgen_hooks(finalizer=lambda ag: calls.append(("final B", ag.__name__)))
del n, g
gc.collect()
print(calls)
calls.clear()
g = agen()
g.__anext__().send(None)
del g
gc.collect()
print(calls)
try:
    sys.set_asyncgen_hooks(firstiter=1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    sys.set_asyncgen_hooks(finalizer="x")
except TypeError as e:
    print(type(e).__name__, e)
sys.set_asyncgen_hooks(*old)
print(sys.get_asyncgen_hooks())

# Never iterated: no hooks, no finalizer call.
calls.clear()
sys.set_asyncgen_hooks(firstiter=lambda ag: calls.append("first"),
                       finalizer=lambda ag: calls.append("final"))
g = agen()
del g
gc.collect()
print(calls)
sys.set_asyncgen_hooks(None, None)

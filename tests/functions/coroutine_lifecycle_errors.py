# Exhausted/running coroutines, their __await__ wrappers, and the RuntimeError
# messages of PEP 479 / PEP 492, printed as CPython 3.11 reports them.
import types


def show(label, fn, *args):
    try:
        r = fn(*args)
        print(label, "->", repr(r))
    except BaseException as e:
        print(label, "!", type(e).__name__, e)
        if e.__cause__ is not None:
            print("   cause:", type(e.__cause__).__name__, e.__cause__)


async def coroutine():
    return 'spam'


coro = coroutine()
show("send #1", coro.send, None)
show("send #2", coro.send, None)
show("throw after done", coro.throw, Exception('wat'))
show("close after done", coro.close)
show("close again", coro.close)

coro = coroutine()
it = coro.__await__()
print(type(it).__name__, iter(it) is it)
show("wrapper send", it.send, None)
show("wrapper send again", it.send, None)
show("wrapper next", next, it)
show("wrapper throw", it.throw, Exception('wat'))
show("wrapper close", it.close)


@types.coroutine
def nop():
    yield


async def send():
    await nop()
    return 'spam'


async def read(c):
    await nop()
    return await c


spammer = send()
reader = read(spammer)
reader.send(None)
reader.send(None)
show("reader throw", reader.throw, Exception('ham'))
reader = read(spammer)
reader.send(None)
show("reuse via await", reader.send, None)
show("reuse via throw", reader.throw, Exception('wat'))


async def raises_stop():
    raise StopIteration(3)

show("coroutine StopIteration", raises_stop().send, None)


def gen_stop():
    yield 1
    raise StopIteration

g = gen_stop()
next(g)
show("generator StopIteration", next, g)


async def agen_stop():
    yield 1
    raise StopAsyncIteration

ag = agen_stop()
show("agen first", ag.__anext__().send, None)
show("agen StopAsyncIteration", ag.__anext__().send, None)


async def ignores_exit():
    try:
        await nop()
    except GeneratorExit:
        await nop()

c = ignores_exit()
c.send(None)
show("coroutine ignored exit", c.close)
c.close  # still suspended: finished by its finalizer later
del c


def gen_ignores():
    try:
        yield
    except GeneratorExit:
        yield

g = gen_ignores()
next(g)
show("generator ignored exit", g.close)
g.close  # keep it alive till here


async def just_started():
    await nop()

c = just_started()
show("non-None to just-started", c.send, 1)
c.close()


async def running():
    show("send while running", me.send, None)
    show("throw while running", me.throw, ValueError)
    show("close while running", me.close)
    print("cr_running inside:", me.cr_running, "cr_suspended:", me.cr_suspended)
    return 7

me = running()
print("cr_running before:", me.cr_running, "cr_suspended:", me.cr_suspended)
show("run it", me.send, None)
print("cr_frame after:", me.cr_frame, "cr_await:", me.cr_await)


class BadAnext:
    def __aiter__(self):
        return self
    def __anext__(self):
        return self
    def __await__(self):
        1 / 0


async def loop_bad():
    async for _ in BadAnext():
        pass

show("async for, __await__ raising", loop_bad().send, None)


class AwaitReturnsCoro:
    def __await__(self):
        return nop()


async def await_bad():
    await AwaitReturnsCoro()

show("__await__ returns generator-coroutine", await_bad().send, None)


async def inner():
    await nop()

async def outer(c):
    await c

i = inner()
o1 = outer(i)
o1.send(None)
show("awaited twice", outer(i).send, None)
o1.close()


def plain():
    yield 1

async def await_plain():
    await plain()

show("await plain generator", await_plain().send, None)
try:
    for x in coroutine():
        pass
except TypeError as e:
    print("for over coroutine:", e)
c = coroutine()
try:
    iter(c)
except TypeError as e:
    print("iter(coroutine):", e)
c.close()

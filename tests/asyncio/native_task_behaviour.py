# asyncio.Task (the _asyncio one where it exists): names, reprs through the
# states, cancel messages and the cancel count, get_coro/get_stack/print_stack,
# what a task does with bad yields, awaiting itself, futures of another loop,
# current_task/all_tasks and the _enter_task/_leave_task/_register_task
# helpers with their errors, Task subclasses, the context= argument.
import asyncio
import contextvars
import io
import re
import types


def show(label, f):
    try:
        print(label, f())
    except BaseException as e:
        print(label, type(e).__name__, e)


def clean(r):
    r = re.sub(r" at 0x[0-9a-f]+", " at ADDR", r)
    return re.sub(r"defined at [^>]*:(\d+)", r"defined at FILE:\1", r)


async def short(x):
    await asyncio.sleep(0)
    return x


async def fails():
    await asyncio.sleep(0)
    raise KeyError("nope")


async def forever():
    await asyncio.sleep(3600)


async def catches_cancel():
    try:
        await asyncio.sleep(3600)
    except asyncio.CancelledError as e:
        print("caught cancel", e.args, asyncio.current_task().cancelling())
        asyncio.current_task().uncancel()
        return "survived"


@types.coroutine
def bad_yield(value):
    yield value


def plain_gen():
    yield 1


async def yields(value):
    await bad_yield(value)


var = contextvars.ContextVar("var", default="unset")


async def read_var():
    return var.get()


class LoggingTask(asyncio.Task):
    def cancel(self, msg=None):
        print("LoggingTask.cancel", msg)
        return super().cancel(msg)


async def main():
    loop = asyncio.get_running_loop()
    me = asyncio.current_task()
    print(type(me).__module__, type(me).__name__, me.get_name())

    t = asyncio.create_task(short(1), name="short-one")
    print(clean(repr(t)))
    print(t.get_name(), t.get_coro().__name__, t._coro is t.get_coro(), t._fut_waiter, t._must_cancel)
    print(t._log_destroy_pending, t.cancelling(), t.done())
    print(await t, clean(repr(t)))
    show("set_result:", lambda: t.set_result(1))
    show("set_exception:", lambda: t.set_exception(ValueError()))
    print("cancel done task", t.cancel(), t.cancelling())

    t.set_name(12345)
    print(repr(t.get_name()))

    f = asyncio.create_task(fails())
    await asyncio.sleep(0.001)
    print(clean(repr(f)))
    print(repr(f.exception()))
    print(len(f.get_stack()) > 0)
    buf = io.StringIO()
    f.print_stack(file=buf)
    print(buf.getvalue().splitlines()[0])
    print(buf.getvalue().splitlines()[-1])

    w = asyncio.create_task(forever())
    await asyncio.sleep(0)
    print(clean(repr(w)))
    print("waiter", type(w._fut_waiter).__name__)
    print(len(w.get_stack()), w.get_stack(limit=1)[0].f_code.co_name)
    print(w.cancel("first"), w.cancelling(), w.cancel("second"), w.cancelling())
    print(clean(repr(w)), w._must_cancel)
    try:
        await w
    except asyncio.CancelledError as e:
        print("cancelled with", e.args)
    print(clean(repr(w)), w.cancelled(), w.uncancel(), w.uncancel(), w.uncancel())

    c = asyncio.create_task(catches_cancel())
    await asyncio.sleep(0)
    c.cancel("please")
    print("result", await c, c.cancelling())

    # Cancelled before it ever runs.
    early = asyncio.create_task(short(2))
    early.cancel("too early")
    try:
        await early
    except asyncio.CancelledError as e:
        print("early", e.args, early.cancelled())

    for value in (42, plain_gen()):
        bad = asyncio.create_task(yields(value))
        try:
            await bad
        except RuntimeError as e:
            print("bad yield:", clean(str(e)))

    async def await_self():
        await asyncio.sleep(0)
        await me_task

    me_task = asyncio.create_task(await_self())
    try:
        await me_task
    except RuntimeError as e:
        print("self await:", clean(str(e)))

    other_loop = asyncio.new_event_loop()
    try:
        foreign = other_loop.create_future()

        async def await_foreign():
            await foreign

        ft = asyncio.create_task(await_foreign())
        try:
            await ft
        except RuntimeError as e:
            print("different loop:", clean(str(e)))
    finally:
        other_loop.close()

    fut = loop.create_future()

    async def yield_without_await():
        fut._asyncio_future_blocking = False
        await bad_yield(fut)

    yt = asyncio.create_task(yield_without_await())
    try:
        await yt
    except RuntimeError as e:
        print("yield instead of yield from:", clean(str(e)))

    show("not a coroutine:", lambda: asyncio.Task(42))
    coro = short(0)
    show("Task(coro, 1):", lambda: asyncio.Task(coro, 1))
    show("Task(coro, bogus=1):", lambda: asyncio.Task(coro, bogus=1))
    coro.close()
    show("Task():", lambda: asyncio.Task())

    print("current", asyncio.current_task() is me, me in asyncio.all_tasks())
    print(sorted(x.get_name() for x in asyncio.all_tasks()))
    show("enter twice:", lambda: clean(str(asyncio.tasks._enter_task(loop, t))))
    show("leave other:", lambda: clean(str(asyncio.tasks._leave_task(loop, t))))
    show("leave unknown loop:", lambda: asyncio.tasks._leave_task(object(), t))
    show("enter new loop:", lambda: asyncio.tasks._enter_task("loop2", t))
    show("leave new loop:", lambda: asyncio.tasks._leave_task("loop2", t))
    dummy = asyncio.Task(short(0))
    asyncio.tasks._unregister_task(dummy)
    print("unregistered", dummy in asyncio.all_tasks())
    asyncio.tasks._register_task(dummy)
    print("registered", dummy in asyncio.all_tasks())
    await dummy

    # The context a task runs in.
    var.set("outer")
    ctx = contextvars.Context()
    print(await asyncio.create_task(read_var()))
    print(await asyncio.Task(read_var(), context=ctx))
    ctx2 = contextvars.copy_context()
    ctx2.run(var.set, "in ctx2")
    print(await loop.create_task(read_var(), context=ctx2))

    lt = LoggingTask(forever(), name="logging")
    await asyncio.sleep(0)
    lt.cancel("from main")
    try:
        await lt
    except asyncio.CancelledError:
        print(clean(repr(lt)), isinstance(lt, asyncio.Task))

    # Many tasks finishing in order of their sleeps.
    order = []

    async def sleeper(i, d):
        await asyncio.sleep(d)
        order.append(i)
        return i * i

    res = await asyncio.gather(*(sleeper(i, (5 - i) * 0.002) for i in range(5)))
    print(res, order)


asyncio.run(main())

# asyncio.Future (the _asyncio one where it exists): every state and its repr,
# result()/exception() in each state, InvalidStateError messages, set_exception
# with a class / StopIteration / a non-exception, cancel messages, callback order
# and removal, the private attributes asyncio itself reads, an uninitialized
# future, the FutureIter protocol (send/throw/close), subclassing and weakrefs.
import asyncio
import gc
import re
import weakref


def show(label, f):
    try:
        print(label, f())
    except BaseException as e:
        print(label, type(e).__name__, e)


def clean(r):
    return re.sub(r" at 0x[0-9a-f]+", " at ADDR", r)


def cb_a(fut):
    print("cb_a", fut._state)


def cb_b(fut):
    print("cb_b", fut._state)


class Eq:
    """Compares equal to cb_b: remove_done_callback uses ==."""
    def __eq__(self, other):
        return other is cb_b
    __hash__ = None


async def states():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(type(f).__module__, type(f).__name__)
    print(clean(repr(f)), f._state, f.done(), f.cancelled())
    show("result pending:", f.result)
    show("exception pending:", f.exception)
    print("blocking", f._asyncio_future_blocking, f._result, f._exception, f._callbacks)
    print("loop ok", f.get_loop() is loop, f._loop is loop)
    f.add_done_callback(cb_a)
    f.add_done_callback(cb_b)
    f.add_done_callback(cb_a)
    print(len(f._callbacks), [c[0].__name__ for c in f._callbacks])
    print(clean(repr(f)))
    print("removed", f.remove_done_callback(cb_a))
    print([c[0].__name__ for c in f._callbacks])
    print("removed", f.remove_done_callback(Eq()))
    print("callbacks", f._callbacks)
    f.add_done_callback(cb_b)
    f.add_done_callback(cb_a)
    f.set_result([1, 2])
    print(clean(repr(f)), f._state, f.done(), f.result(), f.exception())
    show("set_result again:", lambda: f.set_result(3))
    show("set_exception again:", lambda: f.set_exception(ValueError))
    print("cancel finished", f.cancel())
    await asyncio.sleep(0)

    g = loop.create_future()
    show("set_exception StopIteration:", lambda: g.set_exception(StopIteration))
    show("set_exception int:", lambda: g.set_exception(42))
    show("set_exception instance class:", lambda: g.set_exception(KeyError))
    print(clean(repr(g)), g._log_traceback)
    show("result:", g.result)
    print("exception", repr(g.exception()), g._log_traceback)
    show("_log_traceback True:", lambda: setattr(g, "_log_traceback", True))
    show("del _log_traceback:", lambda: delattr(g, "_log_traceback"))

    h = loop.create_future()
    print("cancel", h.cancel("stop it"), h.cancel(), h._cancel_message)
    print(clean(repr(h)), h._state, h.cancelled(), h.done())
    show("result cancelled:", h.result)
    show("exception cancelled:", h.exception)
    e = h._make_cancelled_error()
    print(type(e).__name__, e.args)
    h._cancel_message = "changed"
    print(h._cancel_message)

    # A callback added once done is scheduled at once.
    h.add_done_callback(cb_a)
    await asyncio.sleep(0)

    # Awaiting: the FutureIter protocol.
    k = loop.create_future()
    it = k.__await__()
    print(type(it).__name__, iter(it) is it)
    print("first send yields the future", it.send(None) is k, k._asyncio_future_blocking)
    show("second send:", lambda: it.send(None))
    k._asyncio_future_blocking = False
    k.set_result("done")
    try:
        it.send(None)
    except StopIteration as si:
        print("StopIteration", si.value)
    show("after end:", lambda: next(it))
    it2 = k.__iter__()
    show("throw bad tb:", lambda: it2.throw(ValueError, ValueError("x"), 5))
    show("throw non-exception:", lambda: it2.throw(42))
    show("throw class:", lambda: it2.throw(KeyError, "k"))
    show("after throw:", lambda: next(it2))
    it3 = k.__await__()
    print("close", it3.close())
    show("after close:", lambda: next(it3))

    # Uninitialized futures.
    u = asyncio.Future.__new__(asyncio.Future)
    print("uninit", u.done(), u.cancelled(), u._loop, u._source_traceback, u._asyncio_future_blocking)
    show("uninit result:", u.result)
    show("uninit exception:", u.exception)
    show("uninit set_result:", lambda: u.set_result(1))
    show("uninit add_done_callback:", lambda: u.add_done_callback(cb_a))
    show("uninit repr:", lambda: repr(u))
    show("uninit state:", lambda: u._state)
    show("uninit await:", lambda: u.__await__())

    print(asyncio.Future[int], asyncio.Task[str])
    show("Future(loop=1, x=2):", lambda: asyncio.Future(loop=loop, x=2))
    show("Future(1):", lambda: asyncio.Future(1))

    class MyFuture(asyncio.Future):
        def __init__(self, *, loop=None):
            super().__init__(loop=loop)
            self.extra = "extra"

        def set_result(self, value):
            print("MyFuture.set_result", value)
            super().set_result(value * 10)

    m = MyFuture(loop=loop)
    m.set_result(4)
    print(clean(repr(m)), m.extra, await m)
    r = weakref.ref(m)
    del m
    gc.collect()
    print("weakref dead", r() is None)

    # Awaiting a future from a coroutine resumes with its result.
    w = loop.create_future()
    loop.call_later(0.001, w.set_result, "late")
    print("awaited", await w)
    x = loop.create_future()
    loop.call_soon(x.set_exception, OSError(5, "io"))
    try:
        await x
    except OSError as err:
        print("awaited exception", err, x._log_traceback)


asyncio.run(states())

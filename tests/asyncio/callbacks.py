# Event loop callbacks: call_soon order, call_later/call_at, handles cancel, futures resolved by callbacks.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    out = []
    loop.call_soon(out.append, 1)
    loop.call_soon(out.append, 2)
    h = loop.call_soon(out.append, 'cancelled')
    h.cancel()
    # Taken before the call_later()s, so 'at' stays first however slow the machine is.
    start = loop.time()
    loop.call_later(0.02, out.append, 'later2')
    loop.call_later(0.01, out.append, 'later1')
    loop.call_at(start + 0.005, out.append, 'at')
    th = loop.call_later(0.01, out.append, 'never')
    th.cancel()
    print(h.cancelled(), th.cancelled(), type(th).__name__)
    await asyncio.sleep(0.05)
    print(out)
    fut = loop.create_future()
    loop.call_later(0.01, fut.set_result, 'resolved')
    print(await fut, fut.done())
    fut2 = loop.create_future()
    fut2.add_done_callback(lambda f: out.append(('cb', f.result())))
    fut2.set_result(99)
    await asyncio.sleep(0)
    print(out[-1])
    try:
        fut2.set_result(1)
    except asyncio.InvalidStateError as e:
        print('InvalidStateError')  # the message differs between _asyncio and futures.py
    fut3 = loop.create_future()
    fut3.set_exception(ZeroDivisionError('zero'))
    try:
        await fut3
    except ZeroDivisionError as e:
        print('ZeroDivisionError', e)
    import contextvars
    var = contextvars.ContextVar('var', default='default')
    def show(tag):
        out.append((tag, var.get()))
    ctx = contextvars.copy_context()
    ctx.run(var.set, 'in ctx')
    loop.call_soon(show, 'plain')
    loop.call_soon(show, 'ctx', context=ctx)
    await asyncio.sleep(0)
    print(out[-2:])

asyncio.run(main())

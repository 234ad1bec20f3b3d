# Futures: states, done callbacks order, remove_done_callback, exceptions, wrap in Task.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(f.done(), f.cancelled(), repr(f))
    order = []
    def cb1(fut): order.append('cb1')
    def cb2(fut): order.append('cb2')
    f.add_done_callback(cb1)
    f.add_done_callback(cb2)
    f.add_done_callback(cb1)
    print(f.remove_done_callback(cb1))
    f.set_result([1, 2])
    print(repr(f))
    await asyncio.sleep(0)
    print(order, f.result(), await f)
    g = loop.create_future()
    g.set_exception(ValueError('no'))
    print(type(g.exception()).__name__, g.done())
    try:
        g.set_exception(StopIteration())
    except (TypeError, asyncio.InvalidStateError) as e:
        print(type(e).__name__)
    h = loop.create_future()
    try:
        h.set_exception(StopIteration)
    except TypeError as e:
        print('TypeError', e)
    h.cancel()
    print(repr(h), h.cancelled())
    print(asyncio.isfuture(f), asyncio.isfuture(1))
    async def awaiter(fut):
        return await fut
    k = loop.create_future()
    t = asyncio.ensure_future(awaiter(k))
    await asyncio.sleep(0)
    k.set_result('passed through')
    print(await t)

asyncio.run(main())

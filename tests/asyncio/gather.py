# gather: ordering of results, return_exceptions, cancellation of the outer future.
import asyncio

async def val(x, d=0):
    await asyncio.sleep(d)
    return x

async def err(msg, d=0):
    await asyncio.sleep(d)
    raise RuntimeError(msg)

async def main():
    print(await asyncio.gather(val(1, 0.02), val(2, 0.01), val(3)))
    print(await asyncio.gather())
    res = await asyncio.gather(val('a'), err('e1'), val('b'), return_exceptions=True)
    print([type(r).__name__ if isinstance(r, Exception) else r for r in res], str(res[1]))
    try:
        await asyncio.gather(val(1, 0.01), err('first failure'))
    except RuntimeError as e:
        print('RuntimeError', e)
    fut = asyncio.gather(val(1, 1), val(2, 1))
    await asyncio.sleep(0)
    fut.cancel()
    try:
        await fut
    except asyncio.CancelledError:
        print('gather cancelled', fut.cancelled())
    t = asyncio.ensure_future(val(7))
    print(await asyncio.gather(t, t, val(8)))

asyncio.run(main())

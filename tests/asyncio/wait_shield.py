# asyncio.wait (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED, timeout) and shield.
import asyncio

async def val(x, d):
    await asyncio.sleep(d)
    return x

async def bad(d):
    await asyncio.sleep(d)
    raise ValueError('bad')

async def main():
    # One task finishes at once, the others much later: FIRST_COMPLETED sees exactly one.
    ts = [asyncio.create_task(val(i, 0 if i == 2 else 0.3)) for i in range(3)]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print(sorted(t.result() for t in done), len(pending))
    done, pending = await asyncio.wait(ts)
    print(sorted(t.result() for t in done), len(pending))
    ts = [asyncio.create_task(bad(0.01)), asyncio.create_task(val(1, 1))]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print(len(done), len(pending), type(next(iter(done)).exception()).__name__)
    for t in pending:
        t.cancel()
    done, pending = await asyncio.wait([asyncio.create_task(val(1, 1))], timeout=0.01)
    print(len(done), len(pending))
    for t in pending:
        t.cancel()
    try:
        await asyncio.wait([])
    except ValueError as e:
        print('ValueError', e)
    inner = asyncio.create_task(val('shielded', 0.02))
    outer = asyncio.ensure_future(asyncio.shield(inner))
    await asyncio.sleep(0)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print('outer cancelled')
    print(await inner, inner.cancelled())

asyncio.run(main())

# Nested gathers; cancelling the outer cancels the children; shield inside gather.
import asyncio

async def leaf(name, log):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append(name)
        raise

async def main():
    log = []
    inner = asyncio.gather(leaf('a', log), leaf('b', log))
    outer = asyncio.gather(inner, leaf('c', log))
    await asyncio.sleep(0)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print('outer cancelled')
    print(sorted(log), inner.cancelled())
    async def quick():
        await asyncio.sleep(0.01)
        return 'kept'
    protected = asyncio.ensure_future(quick())
    g = asyncio.gather(asyncio.shield(protected), leaf('d', log))
    await asyncio.sleep(0)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        pass
    print(await protected, sorted(log))

asyncio.run(main())

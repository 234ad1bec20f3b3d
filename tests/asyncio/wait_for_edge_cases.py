# wait_for edge cases: zero timeout on done futures, result of already-finished tasks, cancellation passthrough.
import asyncio

async def val(v, d=0):
    await asyncio.sleep(d)
    return v

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.set_result('ready')
    print(await asyncio.wait_for(f, 0))
    t = asyncio.create_task(val('done task'))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(t.done(), await asyncio.wait_for(t, 0))
    try:
        await asyncio.wait_for(val('late', 0.05), 0)
    except TimeoutError:
        print('zero timeout on pending')
    async def waiter():
        return await asyncio.wait_for(val('inner', 10), 5)
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0.01)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print('cancel passed through wait_for')
    print(await asyncio.wait_for(val(1) , timeout=-1) if False else 'skipped negative')

asyncio.run(main())

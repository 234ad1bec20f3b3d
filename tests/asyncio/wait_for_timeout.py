# wait_for and asyncio.timeout / timeout_at: expiry, no expiry, rescheduling.
import asyncio

async def slow(d, v='done'):
    await asyncio.sleep(d)
    return v

async def main():
    print(await asyncio.wait_for(slow(0.01), timeout=1))
    try:
        await asyncio.wait_for(slow(1), timeout=0.01)
    except asyncio.TimeoutError as e:
        print('TimeoutError', type(e).__name__, asyncio.TimeoutError is TimeoutError)
    print(await asyncio.wait_for(slow(0, 'none timeout'), None))
    try:
        async with asyncio.timeout(0.01) as cm:
            await asyncio.sleep(1)
    except TimeoutError:
        print('timeout expired', cm.expired())
    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0.001)
    print('in time', cm.expired())
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout_at(loop.time() + 0.01):
            await asyncio.sleep(1)
    except TimeoutError:
        print('timeout_at expired')
    async with asyncio.timeout(None) as cm:
        cm.reschedule(loop.time() + 0.01)
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print('cancelled inside, will become TimeoutError')
            raise
    print('unreachable')

try:
    asyncio.run(main())
except TimeoutError:
    print('TimeoutError out of run')

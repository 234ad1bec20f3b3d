# as_completed: results in completion order, timeout.
import asyncio

async def val(x, d):
    await asyncio.sleep(d)
    return x

async def main():
    coros = [val('slow', 0.03), val('fast', 0.01), val('mid', 0.02)]
    for f in asyncio.as_completed(coros):
        print(await f)
    try:
        for f in asyncio.as_completed([val('never', 1)], timeout=0.01):
            await f
    except asyncio.TimeoutError:
        print('as_completed timed out')
    print(sum([await f for f in asyncio.as_completed([val(i, 0) for i in range(5)])]))

asyncio.run(main())

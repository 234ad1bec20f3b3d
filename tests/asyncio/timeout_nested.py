# Nested timeouts: the inner one fires first; the outer one fires through an inner that does not.
import asyncio

async def main():
    try:
        async with asyncio.timeout(1):
            try:
                async with asyncio.timeout(0.01):
                    await asyncio.sleep(1)
            except TimeoutError:
                print('inner timeout')
            await asyncio.sleep(0)
            print('outer still running')
    except TimeoutError:
        print('unexpected outer timeout')
    try:
        async with asyncio.timeout(0.01):
            async with asyncio.timeout(1):
                await asyncio.sleep(1)
    except TimeoutError:
        print('outer timeout')
    async def inner_task():
        async with asyncio.timeout(0.01):
            await asyncio.sleep(1)
    results = await asyncio.gather(inner_task(), inner_task(), return_exceptions=True)
    print([type(r).__name__ for r in results])

asyncio.run(main())

# sleep(result=), loop.time monotonicity, sleep(0) yielding to others, negative sleep.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    print(await asyncio.sleep(0.01, result='slept'))
    print(loop.time() - t0 >= 0.009)
    order = []
    async def a():
        for i in range(3):
            order.append(f'a{i}')
            await asyncio.sleep(0)
    async def b():
        for i in range(3):
            order.append(f'b{i}')
            await asyncio.sleep(0)
    await asyncio.gather(a(), b())
    print(order)
    await asyncio.sleep(-1)
    print('negative sleep ok')

asyncio.run(main())

# asyncio.run: return values, nested awaits, exceptions out of run(), sleep ordering.
import asyncio

async def add(a, b):
    await asyncio.sleep(0)
    return a + b

async def chain(n):
    total = 0
    for i in range(n):
        total = await add(total, i)
    return total

print(asyncio.run(chain(10)))

async def fails():
    await asyncio.sleep(0)
    raise ValueError('bad value')

try:
    asyncio.run(fails())
except ValueError as e:
    print('ValueError', e)

async def order():
    out = []
    async def worker(name, delay):
        await asyncio.sleep(delay)
        out.append(name)
    await asyncio.gather(worker('c', 0.03), worker('a', 0.01), worker('b', 0.02))
    return out

print(asyncio.run(order()))
try:
    asyncio.run(42)
except ValueError as e:
    print('ValueError', e)
coro = chain(3)
print(type(coro).__name__, asyncio.iscoroutine(coro), asyncio.iscoroutinefunction(chain))
print(asyncio.run(coro))
async def get_loop():
    loop = asyncio.get_running_loop()
    return loop.is_running(), type(loop).__name__
print(asyncio.run(get_loop()))
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print('RuntimeError', e)

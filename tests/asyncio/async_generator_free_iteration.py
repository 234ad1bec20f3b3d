# Async iteration protocol implemented by hand (no async generators): an
# async range, an async map and aiter/anext builtins.
import asyncio

class ARange:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        await asyncio.sleep(0)
        self.i += 1
        return self.i - 1

class AMap:
    def __init__(self, f, it):
        self.f, self.it = f, it
    def __aiter__(self):
        return self
    async def __anext__(self):
        v = await self.it.__anext__()
        return await self.f(v)

async def sq(x):
    return x * x

async def main():
    total = 0
    async for v in AMap(sq, ARange(5)):
        total += v
    print(total)
    it = aiter(ARange(3))
    print(await anext(it), await anext(it), await anext(it), await anext(it, 'default'))
    try:
        await anext(it)
    except StopAsyncIteration:
        print('StopAsyncIteration')
    print([x async for x in ARange(4) if x % 2])
    try:
        aiter(5)
    except TypeError as e:
        print('TypeError', e)

asyncio.run(main())

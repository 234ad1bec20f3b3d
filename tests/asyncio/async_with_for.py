# async with / async for over user-defined classes, and the protocol errors.
import asyncio

class Resource:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        await asyncio.sleep(0)
        print('enter', self.name)
        return self
    async def __aexit__(self, et, ev, tb):
        print('exit', self.name, et.__name__ if et else None)
        return et is KeyError

class Ticker:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        await asyncio.sleep(0)
        return self.n

async def main():
    async with Resource('a') as r:
        print('inside', r.name)
    async with Resource('b'):
        raise KeyError('suppressed')
    try:
        async with Resource('c'):
            raise ValueError('propagates')
    except ValueError as e:
        print('ValueError', e)
    async for i in Ticker(3):
        print('tick', i)
    print([i async for i in Ticker(4)])
    print(await asyncio.gather(*[asyncio.sleep(0, result=i) for i in range(3)]))
    for bad in [object(), 1]:
        try:
            async with bad:
                pass
        except TypeError as e:
            print('TypeError', e)
        try:
            async for x in bad:
                pass
        except TypeError as e:
            print('TypeError', e)
    class NoAwait:
        def __aiter__(self):
            return self
        def __anext__(self):
            return 5
    try:
        async for x in NoAwait():
            pass
    except TypeError as e:
        print('TypeError', e)

asyncio.run(main())

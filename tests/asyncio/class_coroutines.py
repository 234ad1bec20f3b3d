# async methods, classmethods and staticmethods; coroutines in inheritance and super().
import asyncio

class Base:
    def __init__(self):
        self.log = []
    async def step(self, x):
        await asyncio.sleep(0)
        self.log.append(('base', x))
        return x
    @classmethod
    async def make(cls):
        await asyncio.sleep(0)
        return cls()
    @staticmethod
    async def helper(a, b):
        return a + b

class Child(Base):
    async def step(self, x):
        r = await super().step(x * 10)
        self.log.append(('child', r))
        return r + 1

async def main():
    c = await Child.make()
    print(type(c).__name__, await c.step(2), c.log)
    print(await Base.helper(1, 2), await c.helper(3, 4))
    print(asyncio.iscoroutinefunction(Child.step), asyncio.iscoroutinefunction(Base.make))
    methods = [c.step(i) for i in range(3)]
    print(await asyncio.gather(*methods))

asyncio.run(main())

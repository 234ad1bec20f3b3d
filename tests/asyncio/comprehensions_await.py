# await inside comprehensions, conditional expressions, f-strings and nested calls.
import asyncio

async def double(x):
    await asyncio.sleep(0)
    return x * 2

async def is_even(x):
    return x % 2 == 0

async def main():
    print([await double(i) for i in range(5)])
    print({i: await double(i) for i in range(3)})
    print({await double(i) for i in range(3)})
    print([i for i in range(10) if await is_even(i)])
    print(f'{await double(21)} and {await double(await double(1))}')
    print(await double(3) if await is_even(2) else None)
    print(sum([await double(i) for i in range(100)]))
    lam = lambda: double(4)
    print(await lam())

asyncio.run(main())

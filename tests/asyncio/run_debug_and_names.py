# Task names default numbering, set_name, get_coro, and asyncio.run(debug=) flag.
import asyncio

async def noop():
    await asyncio.sleep(0)

async def main():
    loop = asyncio.get_running_loop()
    print(loop.get_debug())
    t = asyncio.create_task(noop())
    print(t.get_name().startswith('Task-'))
    t.set_name('renamed')
    print(t.get_name(), t.get_coro().__name__)
    await t
    t2 = asyncio.create_task(noop(), name=42)
    print(repr(t2.get_name()))
    await t2

asyncio.run(main())
asyncio.run(main(), debug=True)

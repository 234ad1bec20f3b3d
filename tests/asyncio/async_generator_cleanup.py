# An async generator left suspended (still referenced): asyncio.run closes it at
# shutdown through the firstiter hook (loop.shutdown_asyncgens); the hooks inside a loop.
import asyncio
import sys


async def resource(name):
    print("open", name)
    try:
        for i in range(10):
            yield i
            await asyncio.sleep(0)
    finally:
        await asyncio.sleep(0)
        print("close", name)


async def main():
    hooks = sys.get_asyncgen_hooks()
    print(hooks.firstiter is not None, hooks.finalizer is not None)
    global kept
    kept = resource("kept")
    async for v in kept:
        if v == 2:
            break
    print("left suspended at", v)
    async with asyncio.timeout(1):
        g = resource("explicit")
        print(await anext(g))
        await g.aclose()
    print("main done")


asyncio.run(main())
print("after run", sys.get_asyncgen_hooks().firstiter)

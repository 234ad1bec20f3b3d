# Async generators (PEP 525): async for, comprehensions, asend/athrow/aclose,
# errors inside the body, awaiting inside, StopAsyncIteration rules, attributes.
import asyncio
import types


async def ticker(n, delay=0):
    for i in range(n):
        yield i
        await asyncio.sleep(delay)


async def echo():
    received = []
    try:
        while True:
            v = yield len(received)
            received.append(v)
    except ValueError as e:
        yield f"caught {e} after {received}"
    finally:
        print("echo finally", received)


async def main():
    print([x async for x in ticker(4)])
    print({x: x * x async for x in ticker(3)})
    total = 0
    async for x in ticker(5):
        if x == 3:
            break
        total += x
    print("total", total)

    g = echo()
    print(type(g).__name__, isinstance(g, types.AsyncGeneratorType), g.__name__, g.__qualname__)
    print(await g.asend(None), await g.asend("a"), await g.asend("b"))
    print(await g.athrow(ValueError("boom")))
    await g.aclose()
    try:
        await g.asend(None)
    except StopAsyncIteration:
        print("exhausted after aclose")

    g = ticker(2)
    print(await g.__anext__(), await anext(g), await anext(g, "default"))
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("StopAsyncIteration at end")

    async def raises():
        yield 1
        raise KeyError("inside")
    try:
        async for v in raises():
            print("got", v)
    except KeyError as e:
        print("KeyError", e)

    async def bad_stop():
        yield 1
        raise StopAsyncIteration
    try:
        async for v in bad_stop():
            pass
    except RuntimeError as e:
        print("RuntimeError", e, type(e.__cause__).__name__)

    async def ignores_exit():
        try:
            yield 1
        except GeneratorExit:
            yield 2
    g = ignores_exit()
    await g.__anext__()
    try:
        await g.aclose()
    except RuntimeError as e:
        print("RuntimeError", e)

    # aclose on a generator that never started, and on a finished one.
    g = ticker(3)
    await g.aclose()
    await g.aclose()
    print("closed twice", [x async for x in g])

    # Awaiting real futures inside the body, driven by tasks.
    async def produce(q):
        for i in range(3):
            await asyncio.sleep(0.001)
            yield await q.get()
    q = asyncio.Queue()
    for i in "xyz":
        q.put_nowait(i)
    print([v async for v in produce(q)])

    async def gathered(tag):
        return [f"{tag}{v}" async for v in ticker(2)]
    print(await asyncio.gather(gathered("a"), gathered("b")))

    g = ticker(1)
    print(g.ag_running, g.ag_await, g.ag_code.co_name, g.ag_frame is not None)

    try:
        await echo().asend(1)
    except TypeError as e:
        print("TypeError", e)


asyncio.run(main())

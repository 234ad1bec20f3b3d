# TaskGroup: results, a failing task cancels its siblings, except* handling.
import asyncio

async def ok(n, delay):
    await asyncio.sleep(delay)
    return n

async def fail(delay, exc):
    await asyncio.sleep(delay)
    raise exc

async def main():
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(ok(i, 0.001 * i)) for i in range(5)]
    print([t.result() for t in tasks])

    cancelled = []
    async def slow(name):
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            cancelled.append(name)
            raise
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(slow('a'))
            tg.create_task(slow('b'))
            tg.create_task(fail(0.01, ValueError('boom')))
    except* ValueError as eg:
        print('caught', type(eg).__name__, [str(e) for e in eg.exceptions])
    print(sorted(cancelled))

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(0.01, ValueError('v')))
            tg.create_task(fail(0.01, TypeError('t')))
    except* ValueError as eg:
        print('values', [str(e) for e in eg.exceptions])
    except* TypeError as eg:
        print('types', [str(e) for e in eg.exceptions])

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(0, KeyError('x')))
    except ExceptionGroup as eg:
        print(repr(eg.exceptions[0]), eg.message)

asyncio.run(main())

# Context variables are copied per task: each task sees its own values.
import asyncio, contextvars

request_id = contextvars.ContextVar('request_id', default=None)

async def handle(n):
    request_id.set(f'req-{n}')
    await asyncio.sleep(0.001 * (5 - n))
    return await inner()

async def inner():
    await asyncio.sleep(0)
    return request_id.get()

async def main():
    request_id.set('main')
    results = await asyncio.gather(*(handle(i) for i in range(5)))
    print(results, request_id.get())
    t = asyncio.create_task(inner())
    print(await t)
    ctx = contextvars.Context()
    t2 = asyncio.create_task(inner(), context=ctx)
    print(await t2)

asyncio.run(main())

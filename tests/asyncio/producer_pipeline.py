# A three-stage pipeline of queues with sentinel shutdown and result aggregation.
import asyncio

async def source(out_q, n):
    for i in range(n):
        await out_q.put(i)
        await asyncio.sleep(0)
    await out_q.put(None)

async def square(in_q, out_q):
    while (item := await in_q.get()) is not None:
        await out_q.put(item * item)
    await out_q.put(None)

async def sink(in_q):
    total, count = 0, 0
    while (item := await in_q.get()) is not None:
        total += item
        count += 1
    return total, count

async def main():
    q1, q2 = asyncio.Queue(3), asyncio.Queue(3)
    _, _, result = await asyncio.gather(source(q1, 20), square(q1, q2), sink(q2))
    print(result)

asyncio.run(main())

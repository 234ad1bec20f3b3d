# Queue: producer/consumer, join/task_done, maxsize, get_nowait/put_nowait errors, Priority/LIFO.
import asyncio

async def producer(q, n):
    for i in range(n):
        await q.put(i)
    await q.put(None)

async def consumer(q, out):
    while True:
        item = await q.get()
        q.task_done()
        if item is None:
            break
        out.append(item * 10)

async def main():
    q = asyncio.Queue(maxsize=2)
    out = []
    await asyncio.gather(producer(q, 6), consumer(q, out))
    print(out, q.empty(), q.qsize(), q.maxsize)
    q = asyncio.Queue()
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print('QueueEmpty')
    q2 = asyncio.Queue(1)
    q2.put_nowait('x')
    try:
        q2.put_nowait('y')
    except asyncio.QueueFull:
        print('QueueFull', q2.full())
    pq = asyncio.PriorityQueue()
    for p in [5, 1, 3]:
        pq.put_nowait((p, f'p{p}'))
    print([pq.get_nowait()[1] for _ in range(3)])
    lq = asyncio.LifoQueue()
    for i in range(3):
        lq.put_nowait(i)
    print([lq.get_nowait() for _ in range(3)])
    work = asyncio.Queue()
    for i in range(5):
        work.put_nowait(i)
    done = []
    async def worker():
        while True:
            i = await work.get()
            await asyncio.sleep(0)
            done.append(i)
            work.task_done()
    ws = [asyncio.create_task(worker()) for _ in range(2)]
    await work.join()
    for w in ws:
        w.cancel()
    await asyncio.gather(*ws, return_exceptions=True)
    print(sorted(done))

asyncio.run(main())

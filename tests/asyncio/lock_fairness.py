# Lock and Semaphore wake waiters in FIFO order; a cancelled waiter is skipped.
import asyncio

async def main():
    lock = asyncio.Lock()
    order = []
    async def user(i):
        async with lock:
            order.append(i)
            await asyncio.sleep(0)
    await lock.acquire()
    tasks = [asyncio.create_task(user(i)) for i in range(5)]
    await asyncio.sleep(0)
    tasks[2].cancel()
    lock.release()
    await asyncio.gather(*tasks, return_exceptions=True)
    print(order, tasks[2].cancelled())
    sem = asyncio.Semaphore(0)
    got = []
    async def taker(i):
        await sem.acquire()
        got.append(i)
    ts = [asyncio.create_task(taker(i)) for i in range(4)]
    await asyncio.sleep(0)
    for _ in range(4):
        sem.release()
        await asyncio.sleep(0)
    await asyncio.gather(*ts)
    print(got)

asyncio.run(main())

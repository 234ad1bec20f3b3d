# Lock, Event, Semaphore, BoundedSemaphore, Condition.
import asyncio

async def main():
    lock = asyncio.Lock()
    log = []
    async def critical(name):
        async with lock:
            log.append(f'{name} in')
            await asyncio.sleep(0.001)
            log.append(f'{name} out')
    await asyncio.gather(critical('a'), critical('b'), critical('c'))
    print(log, lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print('RuntimeError', e)

    ev = asyncio.Event()
    async def waiter(i):
        await ev.wait()
        return i
    ts = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    print(ev.is_set(), any(t.done() for t in ts))
    ev.set()
    print(await asyncio.gather(*ts), ev.is_set())
    ev.clear()
    print(ev.is_set())

    sem = asyncio.Semaphore(2)
    active = 0
    peak = 0
    async def limited():
        nonlocal active, peak
        async with sem:
            active += 1
            peak = max(peak, active)
            await asyncio.sleep(0.001)
            active -= 1
    await asyncio.gather(*(limited() for _ in range(6)))
    print('peak', peak, sem.locked())
    bs = asyncio.BoundedSemaphore(1)
    await bs.acquire()
    bs.release()
    try:
        bs.release()
    except ValueError as e:
        print('ValueError', e)

    cond = asyncio.Condition()
    items = []
    async def consume():
        async with cond:
            await cond.wait_for(lambda: len(items) >= 3)
            return list(items)
    async def produce():
        for i in range(3):
            await asyncio.sleep(0)
            async with cond:
                items.append(i)
                cond.notify_all()
    r, _ = await asyncio.gather(consume(), produce())
    print(r)
    try:
        Lock = asyncio.Lock
        await Lock().acquire()
        print('acquired fresh lock')
    except Exception as e:
        print(type(e).__name__)

asyncio.run(main())

# Barrier (3.11), wait_for on Event/Queue/Lock with timeouts.
import asyncio

async def main():
    barrier = asyncio.Barrier(3)
    arrived = []
    async def party(i):
        arrived.append(i)
        pos = await barrier.wait()
        return len(arrived)
    print(await asyncio.gather(party(0), party(1), party(2)), barrier.n_waiting, barrier.parties)
    ev = asyncio.Event()
    try:
        await asyncio.wait_for(ev.wait(), 0.01)
    except TimeoutError:
        print('event wait timed out', ev.is_set())
    q = asyncio.Queue()
    try:
        await asyncio.wait_for(q.get(), 0.01)
    except TimeoutError:
        print('queue get timed out', q.qsize())
    lock = asyncio.Lock()
    await lock.acquire()
    try:
        await asyncio.wait_for(lock.acquire(), 0.01)
    except TimeoutError:
        print('lock acquire timed out', lock.locked())
    lock.release()
    print(lock.locked())
    await barrier.abort()
    try:
        await barrier.wait()
    except asyncio.BrokenBarrierError:
        print('BrokenBarrierError', barrier.broken)

asyncio.run(main())

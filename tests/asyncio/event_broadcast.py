# Events and conditions coordinating phases among many tasks.
import asyncio

async def main():
    start = asyncio.Event()
    phase_done = asyncio.Condition()
    finished = 0
    log = []
    async def runner(i):
        nonlocal finished
        await start.wait()
        await asyncio.sleep(0.001 * (i % 4))
        log.append(i)
        async with phase_done:
            finished += 1
            phase_done.notify_all()
    tasks = [asyncio.create_task(runner(i)) for i in range(8)]
    await asyncio.sleep(0)
    print('before start', log)
    start.set()
    async with phase_done:
        await phase_done.wait_for(lambda: finished == 8)
    print('all finished', sorted(log), finished)
    await asyncio.gather(*tasks)
    cond = asyncio.Condition()
    woken = []
    async def sleeper(i):
        async with cond:
            await cond.wait()
            woken.append(i)
    ss = [asyncio.create_task(sleeper(i)) for i in range(4)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify(2)
    await asyncio.sleep(0)
    print('after notify(2)', sorted(woken))
    async with cond:
        cond.notify_all()
    await asyncio.gather(*ss)
    print('after notify_all', sorted(woken))
    try:
        cond.notify()
    except RuntimeError as e:
        print('RuntimeError', e)

asyncio.run(main())

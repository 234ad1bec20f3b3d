# Tasks: create_task, names, done/result/exception, cancel, current_task, all_tasks.
import asyncio

async def job(n):
    await asyncio.sleep(0.01 * n)
    return n * n

async def main():
    t1 = asyncio.create_task(job(1), name='first')
    t2 = asyncio.create_task(job(2))
    print(t1.get_name(), t1.done())
    print(await t1, await t2, t1.done(), t1.result())
    t3 = asyncio.create_task(job(5))
    await asyncio.sleep(0)
    t3.cancel()
    try:
        await t3
    except asyncio.CancelledError:
        print('t3 cancelled', t3.cancelled(), t3.done())
    async def boom():
        raise KeyError('k')
    t4 = asyncio.create_task(boom())
    await asyncio.sleep(0)
    print(type(t4.exception()).__name__, t4.exception())
    try:
        t4.result()
    except KeyError as e:
        print('KeyError', e)
    me = asyncio.current_task()
    print(me.get_name(), len(asyncio.all_tasks()))
    t5 = asyncio.create_task(job(0))
    t5.add_done_callback(lambda t: print('done callback', t.result()))
    await t5
    await asyncio.sleep(0)
    t6 = asyncio.ensure_future(job(3))
    print(isinstance(t6, asyncio.Task), await t6)
    try:
        t7 = asyncio.create_task(job(1))
        t7.result()
    except asyncio.InvalidStateError as e:
        print('InvalidStateError')  # the message differs between _asyncio and tasks.py
    await t7

asyncio.run(main())

# Cancellation: CancelledError propagation, messages, try/finally cleanup, uncancel, cancelling().
import asyncio

async def main():
    cleanup = []
    async def worker():
        try:
            await asyncio.sleep(10)
        finally:
            cleanup.append('cleaned')
    t = asyncio.create_task(worker())
    await asyncio.sleep(0)
    print(t.cancel('stop now'), t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print('CancelledError', e.args)
    print(cleanup, t.cancelled(), t.cancel())

    async def stubborn():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            return 'ignored cancel'
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t.cancel()
    print(await t, t.cancelled())

    async def nested():
        await asyncio.sleep(10)
    async def outer():
        try:
            await nested()
        except asyncio.CancelledError:
            print('outer saw cancel', asyncio.current_task().cancelling())
            raise
    t = asyncio.create_task(outer())
    await asyncio.sleep(0)
    t.cancel()
    res = await asyncio.gather(t, return_exceptions=True)
    print(type(res[0]).__name__)
    print(issubclass(asyncio.CancelledError, BaseException), issubclass(asyncio.CancelledError, Exception))
    fut = asyncio.get_running_loop().create_future()
    fut.cancel(msg='future msg')
    try:
        fut.result()
    except asyncio.CancelledError as e:
        print('future', e.args)

asyncio.run(main())

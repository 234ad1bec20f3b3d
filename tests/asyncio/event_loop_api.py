# Explicit loops: new_event_loop, run_until_complete, run_forever/stop, close, Runner.
import asyncio

async def work(x):
    await asyncio.sleep(0)
    return x * 2

loop = asyncio.new_event_loop()
print(loop.is_running(), loop.is_closed())
print(loop.run_until_complete(work(21)))
fut = loop.create_future()
loop.call_soon(fut.set_result, 'from callback')
print(loop.run_until_complete(fut))
calls = []
def tick(n):
    calls.append(n)
    if n == 3:
        loop.stop()
    else:
        loop.call_soon(tick, n + 1)
loop.call_soon(tick, 0)
loop.run_forever()
print(calls)
t = loop.create_task(work(5))
print(loop.run_until_complete(t), t.done())
loop.close()
print(loop.is_closed())
c = work(1)
try:
    loop.run_until_complete(c)
except RuntimeError as e:
    print('RuntimeError', e)
c.close()  # never awaited: closed so that no RuntimeWarning is due
with asyncio.Runner() as runner:
    print(runner.run(work(1)), runner.run(work(2)))
    print(type(runner.get_loop()).__name__)
async def nested():
    c = work(1)
    try:
        asyncio.run(c)
    except RuntimeError as e:
        print('RuntimeError', e)
    c.close()
    await asyncio.sleep(0)
c = work(0)
asyncio.run(nested())
c.close()

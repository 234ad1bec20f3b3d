# The running loop is per thread: loops running in several threads at once,
# get_running_loop/_get_running_loop/get_event_loop inside and outside them,
# a plain worker thread sees no loop, current_task per loop, and
# _set_running_loop's effect. (No to_thread here: this folder's queue.py
# would shadow the stdlib module concurrent.futures imports.)
import asyncio
import threading
import asyncio.events as events


def show(label, f):
    try:
        print(label, f())
    except BaseException as e:
        print(label, type(e).__name__, e)


results = {}


def in_thread(n):
    async def body():
        loop = asyncio.get_running_loop()
        same = events._get_running_loop() is loop and asyncio.get_event_loop() is loop
        await asyncio.sleep(0.001 * n)
        t = asyncio.current_task()
        results[n] = (same, t is not None, loop is asyncio.get_running_loop())
    asyncio.run(body())


def worker():
    return events._get_running_loop(), threading.current_thread() is not threading.main_thread()


async def main():
    loop = asyncio.get_running_loop()
    threads = [threading.Thread(target=in_thread, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    while any(t.is_alive() for t in threads):
        await asyncio.sleep(0.001)
    print(sorted(results.items()))
    out = []
    w = threading.Thread(target=lambda: out.append(worker()))
    w.start()
    while w.is_alive():
        await asyncio.sleep(0.001)
    print(out)
    print("main loop still running", asyncio.get_running_loop() is loop)
    print("current", asyncio.current_task().get_name())


show("no loop:", events._get_running_loop)
show("get_running_loop:", asyncio.get_running_loop)
asyncio.run(main())
show("after run:", events._get_running_loop)

loop = asyncio.new_event_loop()
events._set_running_loop(loop)
print("set by hand", events._get_running_loop() is loop, asyncio.get_running_loop() is loop,
      asyncio.get_event_loop() is loop)
coro = asyncio.sleep(0)
show("run while another runs:", lambda: loop.run_until_complete(coro))
coro.close()
events._set_running_loop(None)
print("cleared", events._get_running_loop())
print(loop.run_until_complete(asyncio.sleep(0, "ran")))
loop.close()
show("_set_running_loop():", lambda: events._set_running_loop())
show("_get_running_loop(1):", lambda: events._get_running_loop(1))

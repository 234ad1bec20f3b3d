import threading, queue, concurrent.futures as cf, time, collections
results = collections.Counter()
lock = threading.Lock()
q = queue.Queue(maxsize=5)
def producer(n):
    for i in range(n):
        q.put(i)
    q.put(None)
def consumer(name):
    while (item := q.get()) is not None:
        with lock:
            results[item % 3] += 1
        q.task_done()
    q.task_done()
    q.put(None)
threads = [threading.Thread(target=producer, args=(30,))] + [threading.Thread(target=consumer, args=(f"c{i}",), name=f"c{i}") for i in range(3)]
for t in threads: t.start()
for t in threads: t.join()
print(sorted(results.items()), sum(results.values()))
def work(x):
    if x == 5:
        raise ValueError(f"bad {x}")
    return x * x
with cf.ThreadPoolExecutor(max_workers=3) as ex:
    futs = {ex.submit(work, i): i for i in range(8)}
    out = {}
    for f in cf.as_completed(futs):
        i = futs[f]
        try:
            out[i] = f.result()
        except ValueError as e:
            out[i] = repr(e)
print(sorted(out.items()))
with cf.ThreadPoolExecutor(2) as ex:
    print(list(ex.map(lambda s: s.upper(), ["a", "b", "c"])))
    try:
        list(ex.map(work, range(7)))
    except ValueError as e:
        print("map raised", e)
ev = threading.Event(); order = []
def waiter():
    ev.wait(); order.append("woke")
t = threading.Thread(target=waiter); t.start()
order.append("set"); ev.set(); t.join()
print(order, threading.active_count() >= 1, threading.current_thread().name)
sem = threading.BoundedSemaphore(2)
sem.acquire(); sem.acquire()
print(sem.acquire(blocking=False))
sem.release(); sem.release()
try:
    sem.release()
except ValueError as e:
    print("ValueError", e)
local = threading.local(); local.x = 1
def reader(): order.append(getattr(local, "x", "no x"))
t = threading.Thread(target=reader); t.start(); t.join()
print(order[-1])
cond = threading.Condition(); items = []
def cons():
    with cond:
        cond.wait_for(lambda: items)
        order.append(items.pop())
t = threading.Thread(target=cons); t.start()
with cond:
    items.append("item"); cond.notify()
t.join(); print(order[-1])
def boom():
    raise RuntimeError("in thread")
t = threading.Thread(target=boom, name="Boomer"); t.start(); t.join()
print("after thread error")
timer = threading.Timer(0.01, lambda: order.append("timer")); timer.start(); timer.join(); print(order[-1])
b = threading.Barrier(3); hits = []
def at_barrier(i):
    hits.append(b.wait() >= 0)
ts = [threading.Thread(target=at_barrier, args=(i,)) for i in range(3)]
[t.start() for t in ts]; [t.join() for t in ts]
print(hits)

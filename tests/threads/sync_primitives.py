# Events, conditions, semaphores, barriers and queues between real threads.
import queue
import threading
import time

ev = threading.Event()
order = []
def waiter():
    ev.wait()
    order.append("woke")
t = threading.Thread(target=waiter)
t.start()
time.sleep(0.02)
order.append("setting")
ev.set()
t.join()
print(order)

# Producer/consumer through queue.Queue, with task_done/join.
q = queue.Queue(maxsize=2)
got = []
def consumer():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        got.append(item * 10)
        q.task_done()
c = threading.Thread(target=consumer)
c.start()
for i in range(6):
    q.put(i)
q.put(None)
q.join()
c.join()
print(got)

# Condition.wait_for from another thread.
cond = threading.Condition()
items = []
def cons():
    with cond:
        ok = cond.wait_for(lambda: len(items) >= 3, timeout=5)
        print("consumer saw", items, ok)
t = threading.Thread(target=cons)
t.start()
for i in range(3):
    time.sleep(0.005)
    with cond:
        items.append(i)
        cond.notify()
t.join()

# A semaphore bounding concurrency.
sem = threading.BoundedSemaphore(2)
inside = [0]
peak = [0]
guard = threading.Lock()
def limited():
    with sem:
        with guard:
            inside[0] += 1
            peak[0] = max(peak[0], inside[0])
        time.sleep(0.01)
        with guard:
            inside[0] -= 1
ts = [threading.Thread(target=limited) for _ in range(6)]
for t in ts: t.start()
for t in ts: t.join()
print("peak", peak[0], "inside", inside[0])

# A barrier: every thread passes together.
barrier = threading.Barrier(3)
passed = []
def meet(n):
    idx = barrier.wait()
    with guard:
        passed.append(n)
ts = [threading.Thread(target=meet, args=(n,)) for n in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(passed), barrier.broken, barrier.n_waiting)

# RLock re-entered by its owner while others wait.
rl = threading.RLock()
log = []
def reenter(n):
    with rl:
        with rl:
            log.append(n)
ts = [threading.Thread(target=reenter, args=(n,)) for n in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(log))

# Lock acquire with a timeout while another thread holds it.
lk = threading.Lock()
lk.acquire()
res = []
def try_it():
    res.append(lk.acquire(timeout=0.02))
t = threading.Thread(target=try_it)
t.start(); t.join()
lk.release()
print("timed out acquire", res)

# Timer fires once; a cancelled Timer never does.
fired = []
tm = threading.Timer(0.01, fired.append, args=("fired",))
tm.start(); tm.join()
tc = threading.Timer(10, fired.append, args=("never",))
tc.start(); tc.cancel(); tc.join()
print(fired)

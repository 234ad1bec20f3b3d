# concurrent.futures thread pools, threading.local, excepthook and thread errors.
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed, wait

with ThreadPoolExecutor(max_workers=3) as ex:
    print(list(ex.map(lambda x: x * x, range(10))))
    futs = [ex.submit(pow, 2, n) for n in range(8)]
    print(sorted(f.result() for f in as_completed(futs)))
    f = ex.submit(lambda: 1 / 0)
    try:
        f.result()
    except ZeroDivisionError as e:
        print("future raised", type(e).__name__, e)
    done, not_done = wait([ex.submit(time.sleep, 0.01) for _ in range(3)])
    print(len(done), len(not_done))

local = threading.local()
local.v = "main"
seen = []
def setlocal(v):
    print_before = getattr(local, "v", None)
    local.v = v
    time.sleep(0.01)
    seen.append((v, print_before, local.v))
ts = [threading.Thread(target=setlocal, args=(i,)) for i in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(seen), local.v)

class Counter(threading.local):
    def __init__(self, start):
        self.n = start
c = Counter(10)
vals = []
def use():
    c.n += 1
    vals.append(c.n)
ts = [threading.Thread(target=use) for _ in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(vals, c.n)

# An uncaught error in a thread goes to threading.excepthook (stderr), the
# program goes on.
def boom():
    raise ValueError("in thread")
t = threading.Thread(target=boom, name="Boomer")
t.start(); t.join()
print("after boom")

caught = []
def hook(args):
    caught.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))
threading.excepthook = hook
t = threading.Thread(target=boom, name="Hooked")
t.start(); t.join()
print(caught)

# A daemon thread still sleeping at exit does not keep the program alive.
d = threading.Thread(target=time.sleep, args=(30,), daemon=True)
d.start()

# A non-daemon thread still running at exit is waited for.
def late():
    time.sleep(0.05)
    print("late thread done")
threading.Thread(target=late).start()
print("main done")

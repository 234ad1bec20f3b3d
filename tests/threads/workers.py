# Threads running Python code: results joined, shared state under locks,
# the GIL handed over while threads compute (no thread starves).
import threading
import time

results = []
lock = threading.Lock()


def worker(n):
    total = 0
    for i in range(100000):
        total += i % (n + 2)
    with lock:
        results.append((n, total))


threads = [threading.Thread(target=worker, args=(n,), name=f"w{n}") for n in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results))
print(threading.active_count(), threading.current_thread().name, [t.is_alive() for t in threads])

# A shared counter incremented under a lock by several threads.
counter = [0]
def bump(times):
    for _ in range(times):
        with lock:
            counter[0] += 1
ts = [threading.Thread(target=bump, args=(2000,)) for _ in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("counter", counter[0])

# Two CPU-bound threads that can only finish once each has seen the other
# make progress: without the GIL being handed over they would spin until the
# deadline.
progress = {"a": 0, "b": 0}
seen_other = {}
def spin(me, other):
    deadline = time.monotonic() + 20
    i = 0
    while progress[other] < 1000 and time.monotonic() < deadline:
        i += 1
        progress[me] = i
    while progress[me] < 1000:
        i += 1
        progress[me] = i
    seen_other[me] = progress[other] >= 1000
ta = threading.Thread(target=spin, args=("a", "b"))
tb = threading.Thread(target=spin, args=("b", "a"))
ta.start(); tb.start(); ta.join(); tb.join()
print("interleaved", sorted(seen_other.items()))

# Thread identity and names.
idents = {}
def who():
    me = threading.current_thread()
    idents[me.name] = (me.ident == threading.get_ident(), me is not threading.main_thread(), me.daemon)
t = threading.Thread(target=who, name="named", daemon=True)
t.start(); t.join()
print(idents, t.ident is not None, t.native_id is not None, t.is_alive())
try:
    t.start()
except RuntimeError as e:
    print("RuntimeError", e)

# Return values through a list; args and kwargs.
out = []
def kw(a, b=0, *, c=0):
    out.append(a + b + c)
t = threading.Thread(target=kw, args=(1,), kwargs={"b": 2, "c": 3})
t.start(); t.join()
print(out)

# join with a timeout on a thread that is still sleeping.
ev = threading.Event()
def sleeper():
    ev.wait()
t = threading.Thread(target=sleeper)
t.start()
t.join(timeout=0.05)
print("alive after timeout", t.is_alive())
ev.set()
t.join()
print("alive after set", t.is_alive())

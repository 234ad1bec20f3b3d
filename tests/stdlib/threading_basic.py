# threading from the main thread alone: locks, conditions, events, thread identity, local data.
import threading

lock = threading.Lock()
with lock:
    print("locked", lock.locked())
print(lock.acquire(blocking=False), lock.acquire(timeout=0.01))
lock.release()
rl = threading.RLock()
with rl:
    with rl:
        print("rlock nested")
cond = threading.Condition()
with cond:
    print(cond.wait(timeout=0.01), cond.wait_for(lambda: True, timeout=0.01))
    cond.notify_all()
ev = threading.Event()
print(ev.is_set(), ev.wait(0.01))
ev.set()
print(ev.is_set(), ev.wait())
sem = threading.Semaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(blocking=False))
sem.release(2)
bs = threading.BoundedSemaphore(1)
bs.acquire()
bs.release()
try:
    bs.release()
except ValueError as e:
    print("ValueError", e)
t = threading.current_thread()
print(t.name, t is threading.main_thread(), threading.active_count(), t.daemon, t.is_alive())
print(threading.get_ident() == t.ident, threading.get_native_id() == t.native_id)
data = threading.local()
data.x = 5
print(data.x, getattr(data, "y", None))
print([th.name for th in threading.enumerate()])
timer = threading.Timer(10, print)
print(type(timer).__name__, isinstance(timer, threading.Thread))
print(threading.TIMEOUT_MAX > 0, threading.ThreadError is RuntimeError)

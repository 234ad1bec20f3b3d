# _thread from the main thread: locks, RLock, identity, _local.
import _thread
import time

lock = _thread.allocate_lock()
print(type(lock).__name__, type(lock) is _thread.LockType, lock.locked())
print(lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(blocking=False))
t = time.monotonic()
print(lock.acquire(timeout=0.05), time.monotonic() - t >= 0.04)
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError", e)
for args, kw in [((False, 1), {}), ((), {"timeout": -5}), ((), {"timeout": "x"}), ((), {"timeout": 1e20})]:
    try:
        lock.acquire(*args, **kw)
    except Exception as e:
        print(type(e).__name__, e)
with lock:
    print("in with", lock.locked())
print("after with", lock.locked())
print(lock.acquire_lock(), lock.locked_lock())
lock.release_lock()
print(repr(lock).startswith("<unlocked _thread.lock object at 0x"))

r = _thread.RLock()
print(r.acquire(), r.acquire(), r._is_owned(), r._recursion_count())
print(repr(r).startswith("<locked _thread.RLock object owner="), "count=2" in repr(r))
r.release()
r.release()
print(r._is_owned(), r._recursion_count())
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError", e)
with r:
    with r:
        print("nested", r._recursion_count())
r.acquire()
state = r._release_save()
print(state[0], r._is_owned())
r._acquire_restore(state)
print(r._is_owned(), r._recursion_count())
r.release()

class MyRLock(_thread.RLock):
    pass
print(repr(MyRLock()).startswith("<unlocked __main__.MyRLock object owner=0 count=0 at"))

print(_thread.get_ident() == _thread.get_ident(), type(_thread.get_ident()).__name__)
print(type(_thread.get_native_id()).__name__, _thread._count(), _thread.TIMEOUT_MAX)
print(_thread.error is RuntimeError, _thread.stack_size())
try:
    _thread.stack_size(100)
except ValueError as e:
    print("ValueError", e)

loc = _thread._local()
loc.x = 1
print(loc.x, hasattr(loc, "y"))
try:
    _thread._local(1)
except TypeError as e:
    print("TypeError", e)
class Local(_thread._local):
    def __init__(self, v):
        self.v = v
print(Local(5).v)
s = _thread._set_sentinel()
print(type(s).__name__, s.locked())

# _thread directly: start_new_thread with args/kwargs, its errors, an uncaught
# exception in a raw thread (reported as unraisable), _count, stack_size.
import _thread
import time

done = _thread.allocate_lock()
done.acquire()
out = []
def f(a, b=0):
    out.append((a, b, _thread.get_ident() != main_ident))
    done.release()
main_ident = _thread.get_ident()
ident = _thread.start_new_thread(f, (1,), {"b": 2})
done.acquire()
print(out, type(ident).__name__)

for bad in [(1, ()), (f, [1]), (f, (), [])]:
    try:
        _thread.start_new_thread(*bad)
    except TypeError as e:
        print("TypeError", e)

class Fails:
    def __repr__(self):
        return "<Fails>"
    def __call__(self):
        try:
            raise KeyError("raw thread")
        finally:
            done.release()
_thread.start_new_thread(Fails(), ())
done.acquire()
time.sleep(0.05)

def exits():
    try:
        raise SystemExit(3)
    finally:
        done.release()
_thread.start_new_thread(exits, ())
done.acquire()
time.sleep(0.05)
print("count after", _thread._count())

print(_thread.stack_size(), _thread.stack_size(1 << 20), _thread.stack_size())
_thread.stack_size(0)
try:
    _thread.stack_size(100)
except ValueError as e:
    print("ValueError", e)

# A lock released by another thread wakes the waiter.
lk = _thread.allocate_lock()
lk.acquire()
def releaser():
    time.sleep(0.02)
    lk.release()
_thread.start_new_thread(releaser, ())
print("acquired", lk.acquire(timeout=5))

# "coroutine ... was never awaited": the RuntimeWarning an un-awaited coroutine gives
# when it is freed (by refcount or by the cycle collector), through the warnings
# filters (record, error, ignore) and not for coroutines that ran or were closed.
import gc
import sys
import warnings

async def job(x):
    return x * 2

class Holder:
    pass

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    c = job(1)
    del c
    c = job(2)
    del c
    c = job(3)
    c.close()                   # closed: no warning
    del c
    c = job(4)
    try:
        c.send(None)
    except StopIteration as e:
        print('ran to', e.value)
    del c                       # ran: no warning
    h = Holder()
    h.me = h
    h.coro = job(5)             # in a cycle: freed by the collector
    del h
    gc.collect()
    for w in caught:
        print(w.category.__name__, w.message, w.lineno)

async def outer():
    inner = job(6)
    return 'outer done'

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    try:
        outer().send(None)
    except StopIteration as e:
        print(e.value)
    print([str(w.message) for w in caught])

# An "error" filter: the warning becomes an exception reported as unraisable.
def hook(u):
    print('unraisable', u.exc_type.__name__, u.exc_value, u.object.__qualname__ if u.object is not None else None)
sys.unraisablehook = hook
with warnings.catch_warnings():
    warnings.simplefilter('error')
    c = job(7)
    del c
with warnings.catch_warnings():
    warnings.simplefilter('ignore')
    c = job(8)
    del c
def show(message, category, filename, lineno, file=None, line=None):
    print('shown', category.__name__, message, lineno, line)
warnings.showwarning = show
c = job(9)
del c
def in_function():
    c = job(10)
    del c
in_function()
print('end')

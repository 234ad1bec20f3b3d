# Each OS thread has its own current contextvars.Context: a new thread starts with an
# empty one; asyncio.to_thread and run_in_executor copy the caller's context.
import asyncio
import contextvars
import threading
import concurrent.futures

var = contextvars.ContextVar('var', default='default')
other = contextvars.ContextVar('other')

var.set('main value')
other.set(1)

def report(tag):
    ctx = contextvars.copy_context()
    print(tag, var.get(), other.get('unset'), len(ctx), sorted(v.name for v in ctx))

def plain_thread():
    report('thread start')
    tok = var.set('thread value')
    report('thread after set')
    var.reset(tok)
    report('thread after reset')

t = threading.Thread(target=plain_thread)
t.start()
t.join()
report('main after thread')

# Setting in a thread never leaks back, and each thread's context is its own.
results = {}
barrier = threading.Barrier(3)
def setter(n):
    var.set(f'thread {n}')
    barrier.wait()
    results[n] = var.get()
threads = [threading.Thread(target=setter, args=(n,)) for n in range(3)]
for th in threads:
    th.start()
for th in threads:
    th.join()
print(sorted(results.items()))
report('main after setters')

# A context entered in one thread cannot be entered in another at the same time.
ctx = contextvars.copy_context()
entered = threading.Event()
release = threading.Event()
def hold():
    ctx.run(lambda: (entered.set(), release.wait()))
h = threading.Thread(target=hold)
h.start()
entered.wait()
try:
    ctx.run(lambda: None)
except RuntimeError as e:
    print('RuntimeError', str(e).split(':')[0])
release.set()
h.join()

# Executors: a plain ThreadPoolExecutor submit runs in the worker's own context.
with concurrent.futures.ThreadPoolExecutor(max_workers=2) as ex:
    print('executor submit', ex.submit(var.get).result())
    print('executor copied', ex.submit(contextvars.copy_context().run, var.get).result())

async def main():
    req = contextvars.ContextVar('req')
    req.set('request-1')
    var.set('in task')
    def work(x):
        seen = (req.get('none'), var.get())
        var.set('changed in worker')
        return x * 2, seen
    print('to_thread', await asyncio.to_thread(work, 21))
    print('after to_thread', var.get())
    loop = asyncio.get_running_loop()
    print('run_in_executor', await loop.run_in_executor(None, work, 5))
    async def child(n):
        req.set(f'child {n}')
        r = await asyncio.to_thread(lambda: req.get())
        return r, req.get()
    print(await asyncio.gather(child(1), child(2)))
    print('parent req', req.get())

asyncio.run(main())
report('main end')

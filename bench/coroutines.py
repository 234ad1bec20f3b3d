# Coroutines without an event loop: a round-robin scheduler driving
# `async def` coroutines through awaitables that yield, and generator-based
# consumers fed with send().
import types


@types.coroutine
def switch():
    yield "switch"


async def worker(name, n, log):
    total = 0
    for i in range(n):
        total += i * len(name)
        if i % 3 == 0:
            await switch()
    log.append((name, total))
    return total


def run_all(coros):
    ready = list(coros)
    results = []
    while ready:
        coro = ready.pop(0)
        try:
            coro.send(None)
        except StopIteration as stop:
            results.append(stop.value)
        else:
            ready.append(coro)
    return results


def averager():
    total = count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count


log = []
results = run_all(worker("w%d" % i, 6000 + i, log) for i in range(150))
avg = averager()
next(avg)
last = 0.0
for i in range(500000):
    last = avg.send(i % 1000)
print(sum(results), len(log), log[0], round(last, 6))

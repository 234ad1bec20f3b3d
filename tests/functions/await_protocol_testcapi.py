# What `await` accepts from __await__ (tp_await of _testcapi.awaitType, and
# the same through Python classes).
from _testcapi import awaitType as at


def run(coro):
    try:
        while True:
            print("  yielded", coro.send(None))
    except StopIteration as e:
        print("  returned", e.value)
    except TypeError as e:
        print("  TypeError", e)


async def await_it(obj):
    return await obj


print(type(at(1)).__name__)
run(await_it(at(iter([1, 2]))))
print(next(at(iter([5])).__await__()))
run(await_it(at(1)))
run(await_it(at([1])))


async def coro():
    return "c"


run(await_it(at(coro())))


class Py:
    def __init__(self, it):
        self.it = it

    def __await__(self):
        return self.it


run(await_it(Py(iter("ab"))))
run(await_it(Py(None)))
try:
    at()
except TypeError as e:
    print("TypeError", e)

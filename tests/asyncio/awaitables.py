# Awaiting custom awaitables, generator-based coroutines, and await errors.
import asyncio, types

class Later:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        yield from asyncio.sleep(0).__await__()
        return self.v

@types.coroutine
def legacy():
    yield
    return 'legacy'

async def main():
    print(await Later(41) , await legacy())
    c = asyncio.sleep(0)
    print(type(c).__name__, hasattr(c, '__await__'), repr(c).startswith('<coroutine object sleep at'))
    await c
    try:
        await c
    except RuntimeError as e:
        print('RuntimeError', e)
    for bad in [1, 'x', None]:
        try:
            await bad
        except TypeError as e:
            print('TypeError', e)
    class BadAwait:
        def __await__(self):
            return 5
    try:
        await BadAwait()
    except TypeError as e:
        print('TypeError', e)
    async def coro():
        return 1
    co = coro()
    print(co.__name__, co.__qualname__, co.cr_running, co.cr_await, co.cr_frame is not None)
    try:
        co.send(1)
    except TypeError as e:
        print('TypeError', e)
    print(await co)
    try:
        co.send(None)
    except RuntimeError as e:
        print('RuntimeError', e)
    co2 = coro()
    co2.close()
    print(co2.cr_frame)
    it = coro().__await__()
    try:
        next(it)
    except StopIteration as e:
        print('StopIteration', e.value)

asyncio.run(main())

# `yield from` a coroutine: only in coroutines and types.coroutine generators.
import types as _types
async def _ten():
    return 10
_ten_coro = _ten()
def _plain():
    return (yield from _ten_coro)
_c = _plain()
try:
    next(_c)
except TypeError as e:
    print('TypeError', e)
_ten_coro.close()
@_types.coroutine
def _iterable_coro():
    return (yield from _ten())
try:
    _iterable_coro().send(None)
except StopIteration as e:
    print('iterable coroutine got', e.value)
async def _agen():
    yield 1
def _from_agen():
    yield from _agen()
try:
    next(_from_agen())
except TypeError as e:
    print('TypeError', e)

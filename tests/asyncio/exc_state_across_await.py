# sys.exc_info() per generator/coroutine (CPython's gi_exc_state chain): a generator
# sees its own handled exception while running, its resumer's when it handles none,
# and the resumer's state comes back on every yield, even when both handle the same
# exception object.
import sys
import asyncio

def show(tag):
    e = sys.exc_info()[1]
    print(tag, type(e).__name__ if e is not None else None, e)

def gen_handles():
    show('gen start')
    try:
        raise KeyError('in gen')
    except KeyError:
        show('gen handler before yield')
        yield 1
        show('gen handler after yield')
        yield 2
    show('gen after handler')
    yield 3

g = gen_handles()
next(g)
show('caller after first yield')
try:
    raise ValueError('caller')
except ValueError:
    next(g)
    show('caller handler after resume')
    next(g)
show('caller after handler')
try:
    next(g)
except StopIteration:
    show('caller after stop')

# The same exception object handled by both the caller and the generator.
shared = RuntimeError('shared')
def gen_same():
    try:
        raise shared
    except RuntimeError:
        yield 'a'
        show('gen same after yield')
        yield 'b'
        show('gen same still handling')
    show('gen same done handling')
    yield 'c'

g = gen_same()
next(g)
try:
    raise shared
except RuntimeError:
    next(g)
    show('caller same')
    next(g)
    show('caller same 2')
show('caller same out')
print(list(g))

# Bare raise inside a generator re-raises its own handled exception after a yield.
def reraiser():
    try:
        raise IndexError('own')
    except IndexError:
        yield
        raise
g = reraiser()
next(g)
try:
    raise TypeError('outer')
except TypeError:
    try:
        next(g)
    except IndexError as e:
        print('reraised', repr(e), repr(e.__context__))

# A bare raise in a generator handling nothing falls back to the resumer's exception.
def bare():
    yield
    raise
g = bare()
next(g)
try:
    raise OSError('from resumer')
except OSError:
    try:
        next(g)
    except OSError as e:
        print('bare raise got', repr(e))

# Context chaining inside a generator uses its own handled exception, else the resumer's.
def chain():
    try:
        raise KeyError('k')
    except KeyError:
        yield
        raise ValueError('v')
g = chain()
next(g)
try:
    raise ZeroDivisionError('z')
except ZeroDivisionError:
    try:
        next(g)
    except ValueError as e:
        print('context', repr(e.__context__), repr(e.__context__.__context__))

def chain_outer():
    yield
    raise ValueError('no own')
g = chain_outer()
next(g)
try:
    raise ZeroDivisionError('z2')
except ZeroDivisionError:
    try:
        next(g)
    except ValueError as e:
        print('context from resumer', repr(e.__context__))

# throw() into a generator suspended in a handler.
def thrown():
    try:
        raise KeyError('first')
    except KeyError:
        try:
            yield
        except ValueError:
            show('gen got thrown')
            yield
        show('gen back in first handler')
    yield
g = thrown()
next(g)
g.throw(ValueError('thrown'))
show('caller after throw')
next(g)

# Coroutines: the task is resumed by the loop; an except block around an await keeps
# its exception, and a cancelled waiter resumed inside a handler keeps it as well.
async def handler_across_await():
    try:
        raise KeyError('coro')
    except KeyError:
        await asyncio.sleep(0)
        show('coro after sleep')
        await asyncio.sleep(0.001)
        show('coro after timed sleep')
        try:
            raise
        except KeyError as e:
            print('coro reraise ok', repr(e))
    show('coro after handler')

async def inner_waiter(fut):
    try:
        raise LookupError('inner')
    except LookupError:
        try:
            await fut
        except asyncio.CancelledError:
            show('inner cancelled, handling')
            raise

async def main():
    await asyncio.gather(handler_across_await(), handler_across_await())
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    t = asyncio.create_task(inner_waiter(fut))
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError as e:
        print('outer saw cancel', type(e.__context__).__name__)
        show('outer handling cancel')
    async def waiter():
        return await asyncio.wait_for(asyncio.sleep(10, 'x'), 5)
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0.01)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print('cancel passed through wait_for')
    # (No sys.exc_info() here: asyncio's pure-Python Task resumes a task woken by an
    # exception inside __wakeup's handler, unlike the C Task that CPython uses.)

asyncio.run(main())
show('top end')

# Contexts of exceptions thrown into generators and of PEP 479 conversions.
def plain():
    yield
def handling():
    try:
        raise KeyError('own')
    except KeyError:
        yield
def delegating():
    try:
        raise NameError('deleg')
    except NameError:
        yield from plain()
for make in (plain, handling, delegating):
    g = make()
    next(g)
    try:
        raise OSError('resumer')
    except OSError:
        try:
            g.throw(ValueError('t'))
        except ValueError as e:
            print('thrown into', make.__name__, repr(e.__context__))
def stopper():
    yield
    raise StopIteration('x')
g = stopper()
next(g)
try:
    raise OSError('resumer')
except OSError:
    try:
        next(g)
    except RuntimeError as e:
        print('pep479', repr(e.__cause__), repr(e.__context__), e.__suppress_context__)

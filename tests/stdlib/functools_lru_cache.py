# _functools._lru_cache_wrapper: the engine behind functools.lru_cache / cache.
from _functools import _lru_cache_wrapper


class CacheInfo(tuple):
    """Stands in for functools' namedtuple _CacheInfo."""
    def __new__(cls, hits, misses, maxsize, currsize):
        return tuple.__new__(cls, (hits, misses, maxsize, currsize))

    def __repr__(self):
        return "CacheInfo(hits=%r, misses=%r, maxsize=%r, currsize=%r)" % tuple(self)


def lru_cache(maxsize=128, typed=False):
    def deco(f):
        w = _lru_cache_wrapper(f, maxsize, typed, CacheInfo)
        w.__wrapped__ = f
        w.__name__ = f.__name__
        return w
    return deco


calls = []


@lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(30), len(calls), fib.cache_info())
print(fib(30), fib.cache_info())
fib.cache_clear()
print(fib.cache_info())
print(fib.__wrapped__.__name__, fib.__name__, type(fib).__name__, type(fib).__module__)


@lru_cache(maxsize=2)
def square(x):
    calls.append(("sq", x))
    return x * x


calls.clear()
for v in [1, 2, 1, 3, 2, 1, 1]:
    square(v)
print(calls, square.cache_info())


@lru_cache(maxsize=0)
def never(x):
    return x + 1


print(never(1), never(1), never.cache_info())


@lru_cache(maxsize=-5)
def negative(x):
    return x


print(negative(3), negative.cache_info())


@lru_cache(typed=True)
def typed(x):
    calls.append(("typed", x, type(x).__name__))
    return x


calls.clear()
typed(1); typed(1.0); typed(1); typed(True)
print(calls, typed.cache_info())


@lru_cache()
def kw(a, b=2, *, c=3):
    calls.append(("kw", a, b, c))
    return a + b + c


calls.clear()
print(kw(1), kw(1, 2), kw(1, b=2), kw(1, c=3), kw(a=1), kw(1))
print(calls, kw.cache_info().currsize)

# unhashable arguments
try:
    kw([1])
except TypeError as e:
    print("TypeError", e)


class Thing:
    def __init__(self, n):
        self.n = n

    @lru_cache(maxsize=None)
    def doubled(self):
        calls.append(("doubled", self.n))
        return self.n * 2


calls.clear()
a, b = Thing(2), Thing(5)
print(a.doubled(), a.doubled(), b.doubled(), calls)
print(Thing.doubled.cache_info())
print(Thing.doubled is Thing.__dict__["doubled"])

for bad in [lambda: _lru_cache_wrapper(5, 1, False, CacheInfo),
            lambda: _lru_cache_wrapper(len, "x", False, CacheInfo),
            lambda: _lru_cache_wrapper(len, 1, False)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)

# exceptions are not cached
attempts = []


@lru_cache(None)
def flaky(x):
    attempts.append(x)
    if len(attempts) < 2:
        raise ValueError("first time")
    return x


try:
    flaky(1)
except ValueError as e:
    print("ValueError", e)
print(flaky(1), flaky(1), attempts, flaky.cache_info())
print(fib.__reduce__() == "fib", fib.__copy__() is fib)

# functools: lru_cache, partial, reduce, wraps, total_ordering, singledispatch, cached_property.
import functools


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info())
add = functools.partial(lambda a, b, c=0: a + b + c, 1, c=10)
print(add(2), functools.reduce(lambda x, y: x * y, range(1, 10)))


def deco(f):
    @functools.wraps(f)
    def inner(*a):
        return f(*a)
    return inner


@deco
def documented():
    """doc"""


print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__)


@functools.total_ordering
class V:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return self.v == o.v

    def __lt__(self, o):
        return self.v < o.v


print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2))


@functools.singledispatch
def show(x):
    return "object"


@show.register
def _(x: int):
    return "int"


print(show(1), show("s"), show(1.5))


class C:
    @functools.cached_property
    def value(self):
        print("computing")
        return 42


c = C()
print(c.value, c.value)
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))

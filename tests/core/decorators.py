def memo(f):
    cache = {}
    def wrapper(*args):
        if args not in cache:
            cache[args] = f(*args)
        return cache[args]
    wrapper.__name__ = f.__name__
    return wrapper
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.__name__)
def deco_with_args(prefix):
    def deco(f):
        def inner(*a, **k):
            return prefix + str(f(*a, **k))
        return inner
    return deco
@deco_with_args(">> ")
def add(a, b=1):
    return a + b
print(add(2), add(2, b=5))
class Counter:
    count = 0
    def __call__(self):
        Counter.count += 1
        return Counter.count
c = Counter()
print(c(), c(), c.count)
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], "ab", range(2))))
def take(n, it):
    it = iter(it)
    return [next(it) for _ in range(n)]
def naturals():
    n = 0
    while True:
        yield n
        n += 1
print(take(5, naturals()), take(3, (x * x for x in naturals())))
squares = (x * x for x in range(5))
print(sum(squares), sum(squares))
print(sorted(["b", "A", "c"], key=str.lower), sorted([(1, "b"), (1, "a"), (0, "z")]))
print(list(filter(lambda x: x % 2, range(10))), list(map(lambda x, y: x + y, [1, 2], [10, 20])))
from_keys = dict.fromkeys(["a", "b"], [])
from_keys["a"].append(1)
print(from_keys)
nested = {"a": {"b": {"c": 1}}}
print(nested["a"]["b"]["c"], nested.get("x", {}).get("y"))
try:
    nested["a"]["x"]["y"]
except KeyError as e:
    print("KeyError", e, repr(e))

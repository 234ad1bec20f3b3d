# itertools: chain, accumulate, count, cycle, repeat, islice.
import itertools
from itertools import accumulate, chain, count, cycle, islice, repeat
import operator

print(list(chain([1, 2], (3,), "ab", range(2))))
print(list(chain.from_iterable(["xy", [1], (), range(3)])))
print(list(chain()), list(chain([])), type(chain.from_iterable([])).__name__)
c = chain([1], [2])
print(next(c), next(c), next(c, "done"))
try:
    chain(a=1)
except TypeError as e:
    print("TypeError", e)
try:
    list(chain([1], 5))
except TypeError as e:
    print("TypeError", e)

print(list(accumulate([1, 2, 3, 4, 5])))
print(list(accumulate([1, 2, 3], initial=100)))
print(list(accumulate([], initial=7)), list(accumulate([])))
print(list(accumulate([3, 1, 4, 1, 5, 9, 2, 6], max)))
print(list(accumulate([1, 2, 3, 4], operator.mul)))
print(list(accumulate("abc")))
print(list(accumulate([1, 2], func=None, initial=None)))
try:
    list(accumulate([1, "a"]))
except TypeError as e:
    print("TypeError", e)

c = count()
print(next(c), next(c), next(c), c)
print(count(5), count(5, 2), count(-3, -1), count(2.5, 0.5), count(10 ** 20), count(0, 1.0))
print(list(islice(count(1.0, 0.25), 5)))
print(list(islice(count(10 ** 19, 10 ** 18), 3)))
big = count(2 ** 63 - 2)
print(next(big), next(big), next(big), big)
print(count(3).__reduce__(), count(3, 2).__reduce__())
for bad in ["a", None, [1]]:
    try:
        count(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    count(1, "x")
except TypeError as e:
    print("TypeError", e)
print(count(start=4, step=3))

print(list(islice(cycle("abc"), 8)), list(cycle([])))
cy = cycle(iter([1, 2]))
print([next(cy) for _ in range(5)])
try:
    cycle()
except TypeError as e:
    print("TypeError", e)
try:
    cycle(1)
except TypeError as e:
    print("TypeError", e)

r = repeat("x", 3)
print(r, r.__length_hint__(), list(r), r, r.__length_hint__())
print(repeat(None), repeat([1, 2], 0), list(repeat(1, -4)), repeat(1, -4))
print(list(map(pow, range(5), repeat(2))))
print(repeat(2, times=2).__reduce__(), repeat("a").__reduce__())
try:
    repeat(1).__length_hint__()
except TypeError as e:
    print("TypeError", e)
try:
    repeat()
except TypeError as e:
    print("TypeError", e)
try:
    repeat(1, "a")
except TypeError as e:
    print("TypeError", e)

s = "ABCDEFG"
print(list(islice(s, 2)), list(islice(s, 2, 4)), list(islice(s, 2, None)), list(islice(s, 0, None, 2)))
print(list(islice(s, None)), list(islice(s, None, None, 3)), list(islice(s, 10, 20)), list(islice(s, 5, 2)))
print(list(islice(range(100), 10, 50, 15)), list(islice(count(), 3, 12, 4)))
it = iter(range(10))
print(list(islice(it, 3)), list(it))
it = iter(range(10))
print(list(islice(it, 2, 4)), next(it))
for args in [(-1,), (1, -1), (0, 1, 0), ("x",), (None, None, None), (1, 2, -1), (-5, None), (1.5,), (2 ** 100,)]:
    try:
        print(args, list(islice(range(10), *args))[:5])
    except ValueError as e:
        print("ValueError", e)
for bad in [lambda: islice(), lambda: islice([1]), lambda: islice([1], 1, 2, 3, 4), lambda: islice([1], stop=1), lambda: islice(5, 1)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
print(type(islice([], 1)).__name__, itertools.islice.__module__, islice)

# _functools.reduce and cmp_to_key.
from _functools import reduce, cmp_to_key
import operator

print(reduce(operator.add, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 10), reduce(max, [], 7))
print(reduce(operator.add, ["a", "b", "c"]), reduce(operator.add, [[1], [2]], []), reduce(lambda a, b: b, [5]))
print(reduce(lambda acc, x: acc + [x * 2], range(4), []), reduce(operator.or_, [{1}, {2}, {1, 3}]))
for args in [(operator.add, []), (operator.add, 5), (operator.add,), (operator.add, [], 1, 2), ()]:
    try:
        print(reduce(*args))
    except TypeError as e:
        print("TypeError", e)
try:
    reduce(lambda a, b: a / b, [1, 0])
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    reduce(operator.add, [1], initial=0)
except TypeError as e:
    print("TypeError", e)


def gen():
    yield 1
    yield 2
    raise ValueError("from generator")


try:
    reduce(operator.add, gen())
except ValueError as e:
    print("ValueError", e)


def cmp(a, b):
    return (a > b) - (a < b)


print(sorted([3, 1, 2], key=cmp_to_key(cmp)), sorted("bca", key=cmp_to_key(lambda a, b: -cmp(a, b))))
K = cmp_to_key(cmp)
print(K(1) < K(2), K(1) == K(1), K(3) >= K(4), K(2) > K(1), K(1) <= K(1), K(1) != K(2), K(5).obj)
print(type(K).__name__, type(K(1)).__name__, callable(K), K(obj=3).obj)
for bad in [lambda: K(1) < 5, lambda: hash(K(1)), lambda: K(), lambda: K(1, 2), lambda: cmp_to_key()]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
try:
    K.obj
except AttributeError as e:
    print("AttributeError", e)


def by_len_then_alpha(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return cmp(a, b)


words = "pear fig apple kiwi banana date".split()
print(sorted(words, key=cmp_to_key(by_len_then_alpha)))
print(max(words, key=cmp_to_key(by_len_then_alpha)), min(words, key=cmp_to_key(by_len_then_alpha)))


def bad_cmp(a, b):
    return "x"


try:
    sorted([1, 2], key=cmp_to_key(bad_cmp))
except TypeError as e:
    print("TypeError", e)
print(cmp_to_key(mycmp=cmp)(4).obj)

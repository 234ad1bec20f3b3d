# itertools: combinations, combinations_with_replacement, permutations, product.
from itertools import combinations, combinations_with_replacement as cwr, permutations, product


def factorial(n):
    out = 1
    for k in range(2, n + 1):
        out *= k
    return out


def comb(n, r):
    return factorial(n) // (factorial(r) * factorial(n - r)) if 0 <= r <= n else 0


def perm(n, r):
    return factorial(n) // factorial(n - r) if 0 <= r <= n else 0

print(list(combinations("ABCD", 2)))
print(list(combinations(range(4), 3)))
print(list(combinations(range(3), 5)), list(combinations([], 0)), list(combinations("ab", 0)))
print(list(cwr("ABC", 2)), list(cwr([], 2)), list(cwr([], 0)), list(cwr("x", 3)))
print(list(permutations("ABC")))
print(list(permutations(range(4), 2)))
print(list(permutations([], 0)), list(permutations("ab", 3)), list(permutations("abc", 0)))
print(list(product("ab", range(2))), list(product([0, 1], repeat=3)), list(product()), list(product("ab", [])))
print(list(product("ab", "cd", repeat=2))[:6], len(list(product(range(3), repeat=4))))
print(list(product(repeat=0)), list(product([1, 2], repeat=0)))

for n in range(6):
    for r in range(7):
        pool = range(n)
        assert len(list(combinations(pool, r))) == comb(n, r)
        assert len(list(permutations(pool, r))) == (perm(n, r) if r <= n else 0)
        assert len(list(cwr(pool, r))) == (comb(n + r - 1, r) if n else int(r == 0))
print("counts ok")

# order and content against definitions
def perms_def(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    for indices in product(range(n), repeat=r):
        if len(set(indices)) == r:
            yield tuple(pool[i] for i in indices)

print(list(permutations("abcd", 3)) == list(perms_def("abcd", 3)))
print(list(combinations("abcde", 3)) == sorted(set(tuple(sorted(p)) for p in permutations("abcde", 3))))

# iterators consume their input once, eagerly
it = iter([3, 1, 2])
p = permutations(it)
print(list(it), next(p), len(list(p)))
c = combinations(iter("xyz"), 2)
print(next(c), next(c), next(c), next(c, None), next(c, None))

for bad in [lambda: combinations("abc", -1), lambda: cwr("abc", -2), lambda: permutations("abc", -1), lambda: product("ab", repeat=-1)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError", e)
for bad in [lambda: combinations("abc"), lambda: combinations(1, 2), lambda: permutations("ab", "x"),
            lambda: permutations("ab", 1.0), lambda: combinations("abc", 2.0), lambda: product(1),
            lambda: product("a", foo=1), lambda: cwr("ab", r="a"), lambda: permutations()]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
print(list(permutations("ab", r=None)), list(combinations(iterable="ab", r=1)))

class Bag(list):
    pass

print(list(combinations(Bag([1, 2, 3]), 2)), list(product(Bag("ab"), (1,))))
print(type(product()).__name__, type(permutations("")).__name__)

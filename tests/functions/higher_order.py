# map/filter/reduce-style code, currying, function composition, sorting with keys.
def compose(*fns):
    def composed(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return composed
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5), compose()(7))
def curry(f, n):
    def curried(*args):
        if len(args) >= n:
            return f(*args)
        return lambda *more: curried(*args, *more)
    return curried
add3 = curry(lambda a, b, c: a + b + c, 3)
print(add3(1)(2)(3), add3(1, 2)(3), add3(1, 2, 3))
def reduce(f, it, init):
    acc = init
    for x in it:
        acc = f(acc, x)
    return acc
print(reduce(lambda a, b: a * b, range(1, 11), 1), reduce(lambda a, s: a + len(s), ["ab", "cde"], 0))
people = [("ann", 31, "eng"), ("bob", 25, "ops"), ("cy", 31, "eng"), ("dee", 22, "ops"), ("eve", 40, "mgmt")]
print(sorted(people, key=lambda p: (-p[1], p[0])))
groups = {}
for name, age, dept in people:
    groups.setdefault(dept, []).append(name)
print(groups, {d: len(n) for d, n in groups.items()})
print(list(map(lambda p: p[0].title(), filter(lambda p: p[1] > 24, people))))
def partial(f, *a, **k):
    def g(*b, **kk):
        return f(*a, *b, **{**k, **kk})
    return g
p2 = partial(print, "prefix:", sep="|")
p2("a", "b")
p2("c", sep="-")
counter = {}
def counted(f):
    def w(*a):
        counter[f.__name__] = counter.get(f.__name__, 0) + 1
        return f(*a)
    return w
@counted
def square(x):
    return x * x
print([square(i) for i in range(4)], counter)
print(max(people, key=lambda p: p[1])[0], min(map(len, ["abc", "d", "ef"])), sum(map(int, "12345")))
pipeline = [str.strip, str.lower, lambda s: s.replace(" ", "_")]
val = "  Hello World  "
for step in pipeline:
    val = step(val)
print(val)
print(list(zip(*sorted(zip([3, 1, 2], "cab")))))
print(sorted(["10", "9", "100"], key=int), sorted(["b", "A", "c"], key=str.casefold))

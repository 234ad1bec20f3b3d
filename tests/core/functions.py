def f(a, b=2, *args, c=3, d, **kw):
    return (a, b, args, c, d, kw)
print(f(1, d=4))
print(f(1, 2, 3, 4, d=5, e=6))
print(f(*[1, 2], **{"d": 7, "z": 8}))
def g(x, /, y, *, z):
    return x + y + z
print(g(1, 2, z=3), g(1, y=2, z=3))
def counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c = counter()
print(c(), c(), c(10))
def outer():
    xs = []
    for i in range(3):
        xs.append(lambda i=i: i * 10)
    return [h() for h in xs]
print(outer())
total = 0
def add(n):
    global total
    total += n
add(5)
add(7)
print(total)
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(20), fact(30))
def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))
print(ack(2, 3))
def doc():
    "A docstring."
    return doc.__doc__
print(doc(), doc.__name__, f.__defaults__, f.__kwdefaults__, fact.__qualname__, counter().__qualname__)
sq = lambda v: v * v
print(sq(7), (lambda *a, **k: (a, k))(1, x=2), sq.__name__)
nothing = None
def errors():
    tests = [
        lambda: f(),
        lambda: f(1),
        lambda: g(1, 2, 3),
        lambda: g(x=1, y=2, z=3),
        lambda: f(1, 2, d=1, a=5),
        lambda: fact(1, 2),
        lambda: fact(n=1, m=2),
        lambda: (lambda a, b, c: 0)(1),
        lambda: (lambda a, b, c: 0)(),
        lambda: (lambda *, k: 0)(),
        lambda: len(1, 2),
        lambda: len(5),
        lambda: 1 + "a",
        lambda: "a" + 1,
        lambda: [] + (),
        lambda: "a" * 1.5,
        lambda: -"a",
        lambda: nothing(),
        lambda: (1).foo,
        lambda: [].bar,
        lambda: undefined_name,
        lambda: {}["missing"],
        lambda: [1][5],
        lambda: (1, 2)[9],
        lambda: "ab"[5],
        lambda: int("x1"),
        lambda: 1 < "a",
        lambda: hash([]),
        lambda: {[]: 1},
        lambda: next(iter([])),
        lambda: 1 // 0,
        lambda: 1.0 % 0,
        lambda: divmod(1, 0),
        lambda: 2 ** -1 // 0,
        lambda: [].pop(),
        lambda: [1].remove(5),
        lambda: (1, 2).index(5),
        lambda: "abc".index("z"),
        lambda: int(float("inf")),
        lambda: float("x"),
        lambda: chr(-1),
        lambda: 10 ** 5000 * 1.0,
        lambda: str(10 ** 5000),
        lambda: iter(5),
        lambda: sum(["a", "b"]),
        lambda: sum([], ""),
        lambda: max([]),
        lambda: a_local_before_assignment(),
    ]
    for t in tests:
        try:
            t()
        except Exception as e:
            print(type(e).__name__ + ":", e)
def a_local_before_assignment():
    print(v)
    v = 1
errors()

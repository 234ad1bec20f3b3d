# The TypeErrors of calls, as CPython words them.
def f(a, b, /, c, *, d, e=5):
    pass


def g(x, y=2):
    pass


class K:
    def method(self, a):
        pass


calls = [
    lambda: f(1),
    lambda: f(1, 2),
    lambda: f(1, 2, 3),
    lambda: f(1, 2, 3, 4, d=1),
    lambda: f(1, 2, c=3, d=4, z=1),
    lambda: f(1, b=2, c=3, d=4),
    lambda: g(),
    lambda: g(1, 2, 3),
    lambda: g(1, x=1),
    lambda: g(1, **{"y": 1, "q": 2}),
    lambda: K().method(),
    lambda: K().method(1, 2),
    lambda: K.method(),
    lambda: len(),
    lambda: len(1, 2),
    lambda: int("1", base=1, x=2),
    lambda: g(*1),
    lambda: g(**[1]),
    lambda: (lambda: 0)(1),
]
for c in calls:
    try:
        c()
    except TypeError as e:
        print(e)
f(1, 2, 3)

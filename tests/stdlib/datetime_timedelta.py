# timedelta: construction from mixed units and floats (CPython's rounding),
# normalization, arithmetic with ints and floats, comparisons, errors.
from datetime import timedelta
import pickle, copy

cases = [
    dict(),
    dict(days=1),
    dict(days=-1),
    dict(seconds=-1),
    dict(microseconds=-1),
    dict(days=1.5),
    dict(seconds=0.5),
    dict(microseconds=0.5),
    dict(microseconds=1.5),
    dict(microseconds=2.5),
    dict(microseconds=-0.5),
    dict(microseconds=-1.5),
    dict(milliseconds=1.0005),
    dict(minutes=1.1, hours=-0.3),
    dict(weeks=1.25, days=-0.1, seconds=7.7, microseconds=3.3),
    dict(hours=25, minutes=61, seconds=3601),
    dict(days=999999999, hours=23, minutes=59, seconds=59, microseconds=999999),
    dict(days=-999999999),
    dict(seconds=1e-7),
    dict(days=True, seconds=False),
    dict(seconds=86400 * 365),
    dict(microseconds=10**12),
]
for kw in cases:
    td = timedelta(**kw)
    print(kw, repr(td), str(td), td.days, td.seconds, td.microseconds, td.total_seconds())

a = timedelta(days=2, hours=3, microseconds=7)
b = timedelta(hours=-5, seconds=11)
print(a + b, a - b, b - a, -a, +b, abs(b), abs(-a))
print(a * 3, 3 * a, a * -2, a * 0, a * 0.5, 0.25 * a, a * 1e-6, a * 2.5)
print(a / 2, a / 3, a / -7, a / 0.3, a / b, b / a, a // 3, a // -3, a // b, b // a)
print(a % b, b % a, divmod(a, b), divmod(b, a), divmod(-a, timedelta(minutes=7)))
print(timedelta(microseconds=5) / 2, timedelta(microseconds=7) / 2, timedelta(microseconds=-5) / 2)
print(timedelta(microseconds=3) * 0.5, timedelta(microseconds=5) * 0.5, timedelta(microseconds=-3) * 0.5)
print(a == timedelta(days=2, seconds=10800, microseconds=7), a != b, a > b, a <= b, b < a, a >= a)
print(a == 5, a != "x", bool(timedelta()), bool(timedelta(microseconds=1)))
print(hash(a) == hash(timedelta(seconds=2 * 86400 + 3 * 3600, microseconds=7)))
print(sorted([a, b, -a, timedelta(0)]))
print(timedelta.min, timedelta.max, timedelta.resolution, repr(timedelta.min), repr(timedelta.max))
print(timedelta.max.total_seconds(), timedelta.min.total_seconds())
print(pickle.loads(pickle.dumps(a)) == a, copy.copy(b) == b, copy.deepcopy(a), a.__reduce__())

class Sub(timedelta):
    def extra(self):
        return "sub"

s = Sub(hours=1)
print(repr(s), s.extra(), type(s + s).__name__, type(s * 2).__name__, type(-s).__name__, type(abs(s)).__name__)
print(isinstance(s, timedelta), Sub.max, type(Sub.max).__name__)

errors = [
    lambda: timedelta(days=10**9),
    lambda: timedelta(days=-10**9),
    lambda: timedelta(seconds=10**20),
    lambda: timedelta(days=1e10),
    lambda: timedelta(float("inf")),
    lambda: timedelta(float("nan")),
    lambda: timedelta("1"),
    lambda: timedelta(hours=[]),
    lambda: timedelta(1, 2, 3, 4, 5, 6, 7, 8),
    lambda: timedelta(foo=1),
    lambda: timedelta.max + timedelta(microseconds=1),
    lambda: timedelta.min - timedelta(microseconds=1),
    lambda: -timedelta.max - timedelta(days=1),
    lambda: timedelta.max * 2,
    lambda: a / 0,
    lambda: a // 0,
    lambda: a / timedelta(0),
    lambda: a // timedelta(0),
    lambda: a % timedelta(0),
    lambda: divmod(a, timedelta(0)),
    lambda: a / 0.0,
    lambda: a * float("inf"),
    lambda: a * float("nan"),
    lambda: a + 1,
    lambda: 1 - a,
    lambda: a * "x",
    lambda: a < 1,
    lambda: a @ a,
    lambda: a % 2,
    lambda: 2 / a,
    lambda: a.total_seconds(1),
]
for fn in errors:
    try:
        print(fn())
    except Exception as e:
        print(type(e).__name__, e)

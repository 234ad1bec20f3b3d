# _collections._count_elements (Counter's loop) and _tuplegetter (namedtuple
# fields), used the way collections/__init__.py uses them.
from _collections import _count_elements, _tuplegetter

counts = {}
_count_elements(counts, "abracadabra")
print(counts)
_count_elements(counts, ["a", "z"])
print(counts)
_count_elements(counts, [])
print(len(counts))


class Counter(dict):
    """The part of collections.Counter that matters here."""
    def __init__(self, iterable=None):
        super().__init__()
        if iterable is not None:
            _count_elements(self, iterable)

    def __missing__(self, key):
        return 0

    def most_common(self, n=None):
        items = sorted(self.items(), key=lambda kv: kv[1], reverse=True)
        return items if n is None else items[:n]


c = Counter("mississippi")
print(c, c["s"], c["zzz"], c.most_common(2), type(c).__name__)
words = "one two three two three three".split()
print(Counter(words).most_common())
print(Counter(x % 3 for x in range(10)))


class Scaled(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 10)


s = Scaled()
_count_elements(s, "aab")
print(s)


class GetLogged(dict):
    def get(self, k, default=None):
        print("get", k, default)
        return super().get(k, default)


g = GetLogged()
_count_elements(g, "xyx")
print(g)

for bad in [lambda: _count_elements({}, 5), lambda: _count_elements({}), lambda: _count_elements({}, [[1]])]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
odd = {1: "a"}
try:
    _count_elements(odd, [1])
except TypeError as e:
    print("TypeError", e)


def namedtuple(typename, field_names):
    fields = tuple(field_names.replace(",", " ").split())
    ns = {"__slots__": (), "_fields": fields}

    def __new__(cls, *args):
        if len(args) != len(fields):
            raise TypeError(f"expected {len(fields)} arguments, got {len(args)}")
        return tuple.__new__(cls, args)

    def __repr__(self):
        inner = ", ".join(f"{n}={v!r}" for n, v in zip(fields, self))
        return f"{typename}({inner})"

    ns["__new__"] = __new__
    ns["__repr__"] = __repr__
    for index, name in enumerate(fields):
        ns[name] = _tuplegetter(index, f"Alias for field number {index}")
    return type(typename, (tuple,), ns)


Point = namedtuple("Point", "x y")
p = Point(3, 4)
print(p, p.x, p.y, p[0], p.x + p.y, Point.x.__doc__, type(Point.x).__name__)
Point.y.__doc__ = "vertical"
print(Point.y.__doc__, Point.x.__reduce__())
for bad in [lambda: setattr(p, "x", 1), lambda: delattr(p, "x")]:
    try:
        bad()
    except AttributeError as e:
        print("AttributeError", e)
try:
    Point.x.__get__([1, 2])
except TypeError as e:
    print("TypeError", e)
short = tuple.__new__(Point, (1,))
try:
    short.y
except IndexError as e:
    print("IndexError", e)
print(Point.x.__get__(None, Point) is Point.x, Point.x.__get__((9, 8)))
pts = sorted([Point(2, 1), Point(1, 5), Point(1, 2)], key=lambda q: (q.x, q.y))
print(pts, [q.y for q in pts])
print(type(_tuplegetter(0, None)).__module__, _tuplegetter(1, None).__doc__)

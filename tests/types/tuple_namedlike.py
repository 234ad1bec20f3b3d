# Tuples as records: sorting, grouping, comparison, hashing, and a hand-written namedtuple-like class.
class Point(tuple):
    __slots__ = ()
    _fields = ("x", "y")
    def __new__(cls, x, y):
        return tuple.__new__(cls, (x, y))
    x = property(lambda self: self[0])
    y = property(lambda self: self[1])
    def __repr__(self):
        return f"Point(x={self[0]!r}, y={self[1]!r})"
    def _replace(self, **kw):
        vals = dict(zip(self._fields, self))
        vals.update(kw)
        return Point(**vals)
    def _asdict(self):
        return dict(zip(self._fields, self))
p = Point(1, 2)
q = p._replace(y=5)
print(p, q, p.x + q.y, p == (1, 2), hash(p) == hash((1, 2)), p._asdict(), tuple(q), list(q))
pts = [Point(3, 1), Point(1, 2), Point(1, -1)]
print(sorted(pts), max(pts, key=lambda pt: pt.y), min(pts), {pt: pt.x * pt.y for pt in pts})
x, y = p
print(x, y, p[0], p[-1], p[:1], len(p), p.count(1), p.index(2), 2 in p)
try:
    p.z = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.x = 9
except AttributeError as e:
    print("AttributeError:", e)
rows = [("a", 2), ("b", 1), ("a", 1), ("c", 3), ("b", 2)]
groups = {}
for key, val in sorted(rows):
    groups.setdefault(key, []).append(val)
print(groups, sorted(rows, key=lambda r: (r[1], r[0])), [r for r in rows if r[0] == "a"])
print((1, 2, 3) < (1, 2, 4), (1, 2) < (1, 2, 3), () < (0,), (1, "a") < (1, "b"), (2,) > (1, 100), (1, 2) == (1.0, 2.0))
print(tuple(sorted((3, 1, 2))), tuple(reversed((1, 2))), (1, 2) * 0, ((1, 2),) * 2, (0,) * 3 + (1,))
memo = {}
def grid_paths(r, c):
    if (r, c) in memo:
        return memo[r, c]
    res = 1 if r == 0 or c == 0 else grid_paths(r - 1, c) + grid_paths(r, c - 1)
    memo[r, c] = res
    return res
print(grid_paths(16, 16), len(memo), memo[(2, 2)])

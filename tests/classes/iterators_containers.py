# A custom mapping and sequence built from protocol methods.
class Matrix:
    def __init__(self, rows, cols, fill=0):
        self.rows, self.cols = rows, cols
        self.data = [[fill] * cols for _ in range(rows)]
    def __getitem__(self, key):
        r, c = key
        return self.data[r][c]
    def __setitem__(self, key, value):
        r, c = key
        self.data[r][c] = value
    def __iter__(self):
        for row in self.data:
            yield from row
    def __len__(self):
        return self.rows * self.cols
    def __repr__(self):
        return "\n".join(" ".join(f"{v:3}" for v in row) for row in self.data)
    def __eq__(self, o):
        return isinstance(o, Matrix) and self.data == o.data
    def __contains__(self, v):
        return any(v in row for row in self.data)
m = Matrix(2, 3)
m[0, 1] = 5
m[1, 2] = 7
print(m)
print(len(m), list(m), sum(m), 7 in m, 8 in m, m == Matrix(2, 3), m[1, 2])
class Registry:
    def __init__(self):
        self._d = {}
    def __setitem__(self, k, v):
        self._d[k.lower()] = v
    def __getitem__(self, k):
        try:
            return self._d[k.lower()]
        except KeyError:
            raise KeyError(f"no entry {k!r}") from None
    def __delitem__(self, k):
        del self._d[k.lower()]
    def __iter__(self):
        return iter(sorted(self._d))
    def __len__(self):
        return len(self._d)
    def keys(self):
        return list(self)
r = Registry()
r["Alpha"] = 1
r["beta"] = 2
r["ALPHA"] = 3
print(r["alpha"], len(r), list(r), dict(r), {**r})
del r["BETA"]
try:
    r["beta"]
except KeyError as e:
    print("KeyError:", e)
class Cycle:
    def __init__(self, items, times):
        self.items, self.times = items, times
    def __iter__(self):
        return CycleIter(self)
class CycleIter:
    def __init__(self, c):
        self.c, self.i = c, 0
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= len(self.c.items) * self.c.times:
            raise StopIteration
        v = self.c.items[self.i % len(self.c.items)]
        self.i += 1
        return v
cy = Cycle("ab", 3)
print(list(cy), "".join(cy), list(zip(cy, range(4))), sorted(cy), [x for x in cy if x == "a"])
it = iter(cy)
print(next(it), next(it), list(it), list(it))
a, b, *c = Cycle([1, 2], 2)
print(a, b, c, max(Cycle([3, 9, 2], 1)), tuple(Cycle([0], 2)), set(Cycle("xy", 5)) == {"x", "y"})

# range and slice objects.
r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[1:3], r[::-1], 5 in r, 6 in r, r.index(8), r.count(11))
print(range(5), range(0), list(range(10, 0, -2)), len(range(0, 10, -1)), range(3) == range(0, 3, 1))
print(range(0) == range(5, 2), bool(range(0)), reversed(range(3)).__class__.__name__, list(reversed(range(1, 10, 4))))
print(r.start, r.stop, r.step, range(10)[2:8:3])
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    range(5)[10]
except IndexError as e:
    print("IndexError:", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
try:
    range(5).index(7)
except ValueError as e:
    print("ValueError:", e)
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(3), slice(None, None, -1), s.indices(5), slice(-3, None).indices(10))
data = list(range(10))
print(data[s], data[slice(None, None, -3)], data[slice(2, -2)], "abcdef"[slice(1, None, 2)])
print(data[-100:100], data[8:2], data[8:2:-2], data[::-1][:3], data[-1:-4:-1])
class Grabber:
    def __getitem__(self, key):
        return key
g = Grabber()
print(g[1:2], g[::], g[1:2, 3], g[..., 1], g[:, None], g[1:2:3])
try:
    data[::0]
except ValueError as e:
    print("ValueError:", e)
try:
    data["a"]
except TypeError as e:
    print("TypeError:", e)
print(slice(1, 2) == slice(1, 2), list(range(-5, 5, 3)), sum(range(101)), max(range(7)))

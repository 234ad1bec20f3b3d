# enumerate, zip(strict), map, filter, reversed, iter(callable, sentinel), next with default.
print(list(enumerate("abc")), list(enumerate("ab", start=10)), list(enumerate([], 5)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip(range(2), range(2), range(2))))
print(list(zip([1, 2], "ab", strict=True)))
for args in [([1, 2], "abc"), ([1, 2, 3], "ab"), ([], [1])]:
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print("ValueError:", e)
try:
    list(zip([1], [2], [3, 4], strict=True))
except ValueError as e:
    print("ValueError:", e)
print(list(map(str.upper, ["a", "b"])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(abs, [])))
print(list(filter(None, [0, 1, "", "x", None, [], [0]])), list(filter(lambda v: v > 1, range(4))))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(3))), list(reversed((1, 2))))
class Rev:
    def __reversed__(self):
        return iter("custom")
class LenGet:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * 10
print(list(reversed(Rev())), list(reversed(LenGet())))
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError:", e)
vals = iter([1, 2, 3, None, 4])
print(list(iter(lambda: next(vals), None)))
count = [0]
def tick():
    count[0] += 1
    return count[0]
print(list(iter(tick, 4)))
it = iter([1])
print(next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
try:
    iter(5, 1)
except TypeError as e:
    print("TypeError:", e)
e = enumerate("xy")
print(next(e), list(e), type(e).__name__, type(zip()).__name__, type(map(abs, [])).__name__)
m = map(int, "123")
print(next(m), list(m), list(m))
z = zip(*[[1, 2], [3, 4], [5, 6]])
print(list(z))
s = iter("abc")
print(list(zip(s, s)))
print(any([]), all([]), any([0, 0.0, 1]), all([1, "a", [0]]), any(x > 2 for x in [1, 5]))
print(sorted("bca"), sorted([3, 1, 2], reverse=True), sorted({"b": 1, "a": 2}), sorted([], key=len))
print(list(enumerate(zip("ab", "cd"))), dict(zip("ab", map(ord, "ab"))))

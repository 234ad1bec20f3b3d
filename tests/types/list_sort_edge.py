# list.sort edge cases: stability, key errors, mutation during sort, comparison errors.
recs = [(3, "c"), (1, "a"), (3, "a"), (2, "b"), (1, "z")]
recs.sort(key=lambda r: r[0])
print(recs)
recs.sort(key=lambda r: r[0], reverse=True)
print(recs)
l = [5, 3, 1]
def key_fn(x):
    if x == 1:
        raise ValueError("key failed")
    return x
try:
    l.sort(key=key_fn)
except ValueError as e:
    print("ValueError:", e, l)
m = [3, 2, 1]
def mutating(x):
    m.clear()
    return x
try:
    m.sort(key=mutating)
except ValueError as e:
    print("ValueError:", e)
print(m)
n = [3, 1, 2]
class Evil:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        n.append(0)
        return self.v < o.v
n = [Evil(2), Evil(1)]
try:
    n.sort()
except ValueError as e:
    print("ValueError:", e)
mixed = [1, "a", 2]
try:
    mixed.sort()
except TypeError as e:
    print("TypeError:", e, mixed)
print(sorted([0.1, -1, 2 ** 70, -2.5, True]), sorted(["b", "B", "a", "A", "_"]), sorted([(), (0,), (0, 0)]))
nan = float("nan")
print(sorted([3, 1, 2], key=lambda x: -x), sorted([[3], [1, 2], []], key=len, reverse=True))
words = ["delta", "Alpha", "charlie", "Bravo"]
words.sort(key=str.upper)
print(words)
try:
    [].sort(lambda x: x)
except TypeError as e:
    print("TypeError:", e)
x = list(range(10))
x.sort(key=lambda v: v % 3)
print(x)

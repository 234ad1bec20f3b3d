import sys
from sys import maxsize
def stats(nums):
    n = len(nums)
    mean = sum(nums) / n
    var = sum((x - mean) ** 2 for x in nums) / n
    return mean, var ** 0.5
print(stats([2, 4, 4, 4, 5, 5, 7, 9]))
words = "the quick brown fox jumps over the lazy dog the end".split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
print(top)
print(f"{'Name':<10}|{'Score':>6}")
for name, score in [("alice", 93.5), ("bob", 7.25)]:
    print(f"{name:<10}|{score:>6.1f}")
matrix = [[1, 2], [3, 4]]
transposed = list(zip(*matrix))
print(transposed, [list(r) for r in transposed])
print(sorted({3: "c", 1: "a", 2: "b"}.items()), maxsize > 0)
def gen_primes(limit):
    for n in range(2, limit):
        if all(n % d for d in range(2, int(n ** 0.5) + 1)):
            yield n
print(list(gen_primes(50)))
s = "Hello World"
print(s.count("o"), s.lower().replace("world", "there"), s[::-1], s.split("o"), "-".join(reversed(s.split())))
print(*range(5), sep=", ")
print(list(map(str.upper, ["a", "b"])), [str(i).zfill(3) for i in range(3)])
print(int.__name__, str.upper("x"), (1).__class__, [].__class__.__name__)
x = [1, 2, 3]
y = x
y.append(4)
print(x is y, x == [1, 2, 3, 4], id(x) == id(y))
print({i: i * i for i in range(5)}, {i * i for i in range(-3, 4)})
print(any(c.isdigit() for c in "abc1"), all(c.isalpha() for c in "abc"))
a, *b, c = range(6)
print(a, b, c)
t = 1,
print(t, type(t).__name__)
print(divmod(100, 7), pow(2, 10), abs(-7.5), round(3.14159, 2), round(-3.5), max("apple", "banana", key=len))

# Matrix arithmetic with lists, fractions by hand, prime sieve, gcd/lcm.
def matmul(a, b):
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]
def transpose(m):
    return [list(r) for r in zip(*m)]
def identity(n):
    return [[int(i == j) for j in range(n)] for i in range(n)]
A = [[1, 2], [3, 4]]
B = [[5, 6], [7, 8]]
print(matmul(A, B), transpose(A), matmul(A, identity(2)) == A)
def det(m):
    if len(m) == 1:
        return m[0][0]
    return sum((-1) ** c * m[0][c] * det([row[:c] + row[c + 1:] for row in m[1:]]) for c in range(len(m)))
print(det(A), det([[2, 0, 1], [1, 3, 2], [1, 1, 1]]))
def mpow(m, n):
    result = identity(len(m))
    while n:
        if n & 1:
            result = matmul(result, m)
        m = matmul(m, m)
        n >>= 1
    return result
print(mpow([[1, 1], [1, 0]], 90)[0][1])
def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)
def lcm(a, b):
    return a * b // gcd(a, b)
print(gcd(1071, 462), gcd(-12, 18), lcm(4, 6), lcm(21, 6))
def sieve(n):
    flags = [True] * (n + 1)
    flags[0:2] = [False, False]
    for i in range(2, int(n ** 0.5) + 1):
        if flags[i]:
            flags[i * i::i] = [False] * len(range(i * i, n + 1, i))
    return [i for i, f in enumerate(flags) if f]
primes = sieve(100)
print(primes, len(sieve(10000)))
def frac_add(a, b):
    n = a[0] * b[1] + b[0] * a[1]
    d = a[1] * b[1]
    g = gcd(n, d)
    return (n // g, d // g)
h = (0, 1)
for k in range(1, 11):
    h = frac_add(h, (1, k))
print(h, h[0] / h[1])
print(sum(1 / k ** 2 for k in range(1, 1000)), 2 ** 0.5 * 2 ** 0.5, 1e-3 * 1e3)
stats = [2.5, 3.5, 1.0, 4.0, 4.0]
mean = sum(stats) / len(stats)
var = sum((x - mean) ** 2 for x in stats) / (len(stats) - 1)
srt = sorted(stats)
print(mean, round(var, 6), srt[len(srt) // 2], max(set(stats), key=stats.count))
print(int("1" * 30) % 97, 3 ** 200 // 7 ** 50, divmod(10 ** 30, 7 ** 20))

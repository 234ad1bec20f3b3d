# Sequence unpacking: tuple swaps, starred assignment, unpacking in for
# loops and comprehensions, building and splitting pairs and triples.
def fib_pairs(n):
    a, b = 0, 1
    out = []
    for _ in range(n):
        a, b = b, (a + b) % 1000003
        out.append((a, b))
    return out


pairs = fib_pairs(200000)
s = 0
for a, b in pairs:
    s += a - b
triples = [(i, i * 2, i * 3) for i in range(200000)]
t = sum(x + y - z for x, y, z in triples)
heads = tails = 0
for row in ([i, i + 1, i + 2, i + 3] for i in range(100000)):
    first, *middle, last = row
    heads += first + last
    tails += len(middle)
x, y, z = 1, 2, 3
for i in range(300000):
    x, y, z = y, z, x
d = dict((k, v) for k, v in pairs[:5000])
print(s, t, heads, tails, (x, y, z), len(d))

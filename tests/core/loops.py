total = 0
for i in range(1000):
    if i % 3 == 0:
        continue
    if i > 900:
        break
    total += i
else:
    print("not reached")
print(total)
n = 0
while True:
    n += 1
    if n >= 10:
        break
print(n)
for x in []:
    pass
else:
    print("empty for-else")
i = 0
while i < 3:
    i += 1
else:
    print("while-else", i)
primes = [p for p in range(2, 60) if all(p % q for q in range(2, p))] if False else []
sieve = [True] * 50
for p in range(2, 50):
    if sieve[p]:
        for m in range(p * p, 50, p):
            sieve[m] = False
print([p for p in range(2, 50) if sieve[p]])
matrix = [[i * 3 + j for j in range(3)] for i in range(3)]
print(matrix, [[row[i] for row in matrix] for i in range(3)])
print({x % 3: x for x in range(10)}, {(a, b) for a in range(0)} if False else "no sets")
words = ["apple", "bob", "kayak", "level", "zed"]
print([w for w in words if w == w[::-1]], sorted(words, key=lambda w: (len(w), w)))
fib = [0, 1]
while len(fib) < 20:
    fib.append(fib[-1] + fib[-2])
print(fib)
acc = []
for a, b in zip(range(3), "xyz"):
    acc.append(f"{a}{b}")
print(acc)
for k, v in {"k1": 1, "k2": 2}.items():
    print(k, v)

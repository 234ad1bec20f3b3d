# while loops: sentinel reads, convergence, digit manipulation, nested while with flags.
def digits(n):
    out = []
    while n:
        n, d = divmod(n, 10)
        out.append(d)
    return out[::-1] or [0]
print(digits(90210), digits(0), digits(7))
def isqrt(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x
print([isqrt(n) for n in (0, 1, 15, 16, 17, 10 ** 20, 2 ** 101)])
def newton_sqrt(v, eps=1e-12):
    g = v / 2 or 1.0
    steps = 0
    while abs(g * g - v) > eps:
        g = (g + v / g) / 2
        steps += 1
    return round(g, 10), steps
print(newton_sqrt(2.0), newton_sqrt(144.0))
queue = ["a", "b", None, "c"]
out = []
while (item := queue.pop(0)) is not None:
    out.append(item.upper())
print(out, queue)
n, steps = 27, 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print(steps)
i = 0
found = False
while i < 5 and not found:
    j = 0
    while j < 5:
        if i * j == 6:
            found = True
            break
        j += 1
    else:
        i += 1
print(i, j, found)
count = 0
while True:
    count += 1
    if count < 3:
        continue
    if count >= 5:
        break
print(count)
balance, years = 1000.0, 0
while balance < 2000:
    balance *= 1.07
    years += 1
print(years, round(balance, 2))
a, b = 0, 1
fibs = []
while a < 100:
    fibs.append(a)
    a, b = b, a + b
print(fibs)

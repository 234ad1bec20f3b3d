# Integer arithmetic specialized for small ints keeps going into big ints,
# and float/str operands reaching the same sites later.
def accumulate(n, start, step):
    total = start
    for _ in range(n):
        total = total * 3 + step
        total = total - 1
    return total


print(accumulate(10, 1, 1))
print(accumulate(100, 1, 1))
print(accumulate(50, 2**62, 7))
print(accumulate(5, 1.5, 0.25))
print(accumulate(3, -(2**70), -1))


def combine(a, b):
    return a + b


for i in range(300):
    combine(i, i)
print(combine(2**47, 2**47), combine(-(2**47), -1))
print(combine(1.5, 2.25), combine("ab", "cd"), combine([1], [2]), combine((1,), (2,)))
s = ""
for i in range(500):
    s += str(i % 10)
print(len(s), s[-12:])
x = 1
for i in range(200):
    x = x * 2
print(x)

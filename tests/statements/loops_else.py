# for/while with else, break/continue, nested loops.
for i in range(3):
    pass
else:
    print("for completed", i)
for i in range(10):
    if i == 4:
        break
else:
    print("not printed")
print("broke at", i)
n = 0
while n < 3:
    n += 1
else:
    print("while done", n)
while True:
    n -= 1
    if n == 0:
        break
else:
    print("never")
for x in []:
    print("never")
else:
    print("empty for else")
found = None
for row in range(5):
    for col in range(5):
        if row * col == 6:
            found = (row, col)
            break
    else:
        continue
    break
print(found)
out = []
for i in range(10):
    if i % 2:
        continue
    if i > 6:
        break
    out.append(i)
print(out)
i = 0
while i < 10:
    i += 1
    if i % 3:
        continue
    print("multiple of 3:", i)
for a, (b, c) in [(1, (2, 3)), (4, (5, 6))]:
    print(a + b + c, end=" ")
print()
for k, v in {"x": 1, "y": 2}.items():
    print(k, v, sep="=", end=";")
print()
data = [1, 2, 3]
for item in data:
    if item == 2:
        data.append(4)
print(data)
for i in range(3):
    for j in range(3):
        if j == i:
            continue
        if j > i:
            break
        print((i, j), end=" ")
print()
x = 10
for x in range(x):
    pass
print(x)
for _ in range(2):
    try:
        continue
    finally:
        print("finally on continue")

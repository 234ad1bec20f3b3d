# Big ints: arithmetic across the inline/heap boundary.
a = 2 ** 47
b = a - 1
print(a, b, a + b, a * b, -a, a // 3, a % 7)
big = 12345678901234567890123456789
print(big * big, big // 97, big % 97, -big // 97, -big % 97)
print(big >> 10, big << 10, -big >> 3, big & 0xFFFF, big | 1, big ^ big)
print(divmod(big, -12345), divmod(-big, 12345))
for x in (7, -7):
    for y in (3, -3):
        print(x, y, x // y, x % y, divmod(x, y))
print(10 ** 50 // 10 ** 25, (10 ** 50 + 1) % 10 ** 25)
print(abs(-big), -(-big) == big, big > 2 ** 90, big < 2 ** 100)
print(2 ** 100 == 2.0 ** 100, 2 ** 63 - 1, -(2 ** 63))
print(int.bit_length(big), (255).bit_length(), (-1).bit_length(), (0).bit_length())
print((37).bit_count())
print(~big, ~0, ~-1)
n = 1
for i in range(1, 30):
    n *= i
print(n, n.bit_length())
print(sum(range(10 ** 6)), 3 ** 100 % 1000)
print(pow(3, 1000, 10 ** 9 + 7), pow(2, -1, 11), pow(-2, 3), pow(2, -2))
print(pow(12345678901234567890, 3, 99991))
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
try:
    1 // 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    1 % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    big << -1
except ValueError as e:
    print("ValueError:", e)
print(True + 2 ** 70, 2 ** 70 / 2 ** 69, 7 / 2, -7 / 2)
print(int(1e20), int(-1.5e10), float(2 ** 80))

# Literals, arithmetic, comparisons, printing.
print(1, -2, 3.5, -0.0, 1e16, 1e-5, 0.1 + 0.2, 2 ** 0.5)
print(7 // 2, -7 // 2, 7 % 3, -7 % 3, 7 % -3, 7.5 // 2, -7.5 % 2)
print(2 ** 64, -(2 ** 63), 10 ** 20 // 3, (2 ** 100) % 7, 3 ** -2)
print(1 / 3, 10 / 4, 2 ** 53 + 1, float(2 ** 53 + 1))
print(1 < 2, 2 <= 1, 1 == 1.0, 1 != 2, 3 > 2 > 1, 1 < 2 < 1)
print(True + True, True * 3, -True, ~5, 5 & 3, 5 | 3, 5 ^ 3, 1 << 70, -1 >> 3)
print(abs(-3), abs(-2.5), divmod(17, 5), divmod(-17, 5), divmod(7.5, 2), pow(3, 4, 5), pow(2, -1, 7))
print(round(2.5), round(3.5), round(2.675, 2), round(1234, -2), round(-0.5))
print(int("42"), int("-0x1f", 16), int(" 7 "), int(3.99), int(-3.99), float("1.5"), float(" -inf "))
print(hex(255), oct(8), bin(5), hex(-255), chr(65), ord("a"), chr(0x1F600) == "\U0001F600")
print(min(3, 1, 2), max([4, 9, 2]), sum([1, 2, 3]), sum([0.5, 0.25]), min("abc"), max([], default=0))
print(isinstance(1, int), isinstance(True, int), isinstance(1.0, (int, float)), issubclass(bool, int))
print(type(1), type(1.0), type("s"), type(None), type([]), type(()), type({}), type(type))
print(repr("it's"), repr('say "hi"'), repr("tab\there"), repr("\u00e9\n"), ascii("\u00e9"))
print(hash(1), hash(-1), hash(2 ** 61), hash(1.0) == hash(1), hash("abc"), hash(()), hash((1, 2)))
x = 5
x += 3
x *= 2
x -= 1
x //= 2
x **= 2
print(x)
a, b = 1, 2
a, b = b, a
print(a, b)
first, *rest = [1, 2, 3, 4]
*init, last = "abc"
print(first, rest, init, last)
(p, q), r = (1, 2), 3
print(p, q, r)
print(not 0, not 1, 0 or "x", 1 and "y", None or 0)
print(1 if x > 3 else 2, [1, 2] * 2, "ab" * 3, (1,) * 3, 3 * [0])
print(10 ** 30 * 1.0, 1e308 * 10, -1e308 * 10, float("nan") == float("nan"))
print(0.1, 1/3, 123456789.123456789, 1e22, 1e-7, 100.0, 12345678901234567890.0)

# Numeric tower interactions: int/float/bool comparisons, equality across types, mixed arithmetic results.
pairs = [(1, 1.0), (True, 1), (0, -0.0), (2 ** 53, 2.0 ** 53), (2 ** 53 + 1, 2.0 ** 53), (10 ** 20, 1e20), (-1, -1.0), (3, 3.5)]
for a, b in pairs:
    print(a, b, a == b, a < b, a > b, a <= b, type(a + b).__name__, type(a * b).__name__)
inf = float("inf")
print(10 ** 400 < inf, -(10 ** 400) > -inf, 10 ** 400 == inf, float("nan") < 1, float("nan") > 1, 1 == float("nan"))
print(type(1 + True).__name__, type(True + True).__name__, type(1 / 1).__name__, type(2 ** 2).__name__, type(2 ** -1).__name__)
print(type(4 // 2.0).__name__, type(divmod(4, 2)[0]).__name__, type(abs(-2)).__name__, type(round(2.5)).__name__, type(round(2.5, 1)).__name__)
print(max(1, 1.0), max(1.0, 1), min(0, False), min(False, 0), sorted([1.0, 1, True]), sorted([True, 1.0, 1]))
print(1 in [1.0], 1.0 in {1}, True in {1: 0}, {1: "a"}[True], {1.0: "b"}.get(1), [0.0].index(0), (1, 2).count(1.0))
print(int("7") + float("0.5"), str(7) + str(0.5), 7 + int(0.5), round(7.5) + round(8.5), int(-7.9), int(7.9))
print(sum([1, 2.0, True]), sum([0.1] * 3) == 0.3, abs(sum([0.1] * 3) - 0.3) < 1e-9, 0.1 + 0.2 == 0.3)
print(3 * "ab", True * "x", False * [1], [0] * True, 2 * (1,), -1 * "a")
print((5).__truediv__(2), (5).__floordiv__(2.0), (5.0).__rfloordiv__(2), (2).__rpow__(3), (7).__rmod__(30))
print(float.__add__(1.0, 2), int.__add__(1, 2.0), (1).__lt__(2.5), (1.5).__eq__(1), (2).__eq__(2.0))

# min/max/sum argument forms and errors.
print(min(3, 1, 2), max(3, 1, 2), min([3, 1, 2]), max((3, 1, 2)), min("zyx"), max({5: 0, 9: 1}))
print(min([1, 2], [1, 1]), max(["a", "ab"], key=len), min([], default=None), max([], default=-1), max([0], default=5))
print(min(range(10), key=lambda v: abs(v - 4.6)), max(enumerate("hello"), key=lambda p: p[1]), min([(2, "b"), (1, "z")]))
print(sum(range(101)), sum([0.5, 0.25], 1), sum([[1], [2, 3]], []), sum(((1,), (2,)), ()), sum([True, 2.5]), sum([], start=7))
print(max(float("nan"), 1), max(1, float("nan")), min(-0.0, 0), max(0, -0.0), min("B", "a"), max(b"az"))
for bad in [lambda: min(), lambda: max([]), lambda: min(1, 2, key=None, default=3), lambda: sum("ab"), lambda: sum([1], "s"),
            lambda: sum([b"a"], b""), lambda: min(1, "a"), lambda: max(5), lambda: min([1], bogus=2)]:
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(sum(x * x for x in range(4)), max(x % 7 for x in range(20)), min((x for x in "bca")), sum(i for i in [] ))
big = [2 ** 64, -(2 ** 70), 3]
print(min(big), max(big), sum(big), sum(big, 0.0), sum([1e308, 1e308]), sum([1, 2 ** 100]))

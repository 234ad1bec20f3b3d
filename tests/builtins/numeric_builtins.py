# abs, divmod, pow, round, sum, min, max, bin/hex/oct, chr/ord.
print(abs(-5), abs(3.5), abs(-0.0), abs(True), abs(-(2 ** 70)))
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(7.5, 2), divmod(-7.5, 2), divmod(2 ** 70, 3))
print(pow(2, 10), pow(2, 0.5), pow(-1, 0.5) if False else 0, pow(2, 10, 1000), pow(3, -1, 7), pow(0, 0))
print(round(7), round(7.5), round(-7.5), round(7.45, 1), round(1234.5678, 2), round(-1234, -2), round(15, -1), round(25, -1))
print(sum([]), sum([1, 2, 3], 10), sum([[1], [2]], []), sum((0.1, 0.2, 0.3)), sum(range(5), start=100))
print(min(3, 1, 2), max("apple", "fig", key=len), min([], default="none"), max([1, 5, 3], key=lambda x: -x))
print(min((1, "b"), (1, "a")), max({"a": 3, "b": 1}), min("hello"), max(range(10), default=None))
print(min([2, 1, 1.0]), max([1, True]), max([1.0, 1]), min(-0.0, 0.0), max(0.0, -0.0))
print(bin(10), bin(-10), oct(64), hex(4096), hex(-1), bin(True), oct(0))
print(chr(97), chr(0x263A), ord("€"), ord("\n"), chr(0), repr(chr(127)))
for bad in [lambda: divmod(1, 0), lambda: pow(0, -1), lambda: sum(["a", "b"]), lambda: sum([1], "x"),
            lambda: min([]), lambda: max(), lambda: min(1), lambda: chr(-1), lambda: chr(0x110000),
            lambda: ord("ab"), lambda: ord(""), lambda: abs("x"), lambda: round("x"), lambda: pow(2, 3, 0),
            lambda: pow(2.0, 3, 5), lambda: bin(1.5), lambda: max(1, 2, default=0), lambda: divmod("a", 1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__ + ":", e)
print(sum([1, 2.5]), sum([True, True]), type(sum([])).__name__, round(2.5, 0), round(-0.5))
print(max([3, 1, 4, 1, 5, 9, 2, 6], key=lambda v: (v % 3, v)), sorted([5, 2, 9], key=lambda v: -v))
print(int.__add__(1, 2), float.__mul__(2.0, 3.0), (5).__neg__(), (3).__pow__(2), (10).__rsub__(3))

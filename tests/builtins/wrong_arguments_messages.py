import math, itertools, collections, operator, functools
cases = [
    lambda: int("12a"), lambda: int("1_000_"), lambda: int("", 16), lambda: int("z", 37), lambda: int(3.5, 10), lambda: int(float("nan")), lambda: int(float("inf")),
    lambda: float("1e"), lambda: float([]), lambda: complex("1+2j", 1), lambda: complex("1+"), lambda: round(1.5, "x"), lambda: round("x"),
    lambda: divmod(1, 0), lambda: divmod(1.0, 0), lambda: 1 % 0, lambda: 1.0 // 0, lambda: 0 ** -1, lambda: 0.0 ** -1, lambda: pow(2, 3, 0), lambda: pow(2, -1, 4), lambda: pow(2.0, 3, 5),
    lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.factorial(-1), lambda: math.factorial(1.5), lambda: math.exp(1000), lambda: math.comb(3, -1), lambda: math.isqrt(-4), lambda: math.gcd(1.5),
    lambda: [].pop(), lambda: [1].pop(5), lambda: [].remove(1), lambda: [1, 2].index(3), lambda: (1,).index(2), lambda: "abc".index("z"), lambda: "abc".rindex("z"), lambda: [3, 1].sort(key=1),
    lambda: [1, "a"].sort(), lambda: sorted([1, None]), lambda: max([]), lambda: min(1), lambda: max(1, 2, key=None, default=3), lambda: sum(["a"]), lambda: sum([[1]], []) + 1,
    lambda: {}.pop("x"), lambda: {}.popitem(), lambda: set().pop(), lambda: frozenset().add, lambda: {1: 2}["q"], lambda: dict([1, 2]), lambda: dict([(1, 2, 3)]), lambda: {[]: 1},
    lambda: "a" * "b", lambda: "a" + 1, lambda: 1 + "a", lambda: [] + (), lambda: -"x", lambda: ~1.5, lambda: "abc"[1:2:0], lambda: [1][2], lambda: "x"[5], lambda: ()[0],
    lambda: "{} {}".format(1), lambda: "%d" % "x", lambda: "%s %s" % (1,), lambda: "%s" % (1, 2), lambda: "%(a)s" % 5, lambda: "%z" % 1, lambda: format(1, "q"), lambda: format("s", "d"),
    lambda: "x".join([1]), lambda: " ".join(None), lambda: "a".split(""), lambda: "a".replace(1, 2), lambda: "abc".startswith(["a"]), lambda: "a".center(5, "ab"), lambda: "a".encode("nope"),
    lambda: b"\xff".decode("utf-8"), lambda: "é".encode("ascii"), lambda: bytes.fromhex("zz"), lambda: chr(-1), lambda: chr(0x110000), lambda: ord("ab"), lambda: ord(""),
    lambda: iter(5), lambda: next(iter([])), lambda: next(5), lambda: len(5), lambda: hash([]), lambda: abs("x"), lambda: getattr(1, "zz"), lambda: setattr(1, "x", 2), lambda: delattr(object(), "x"),
    lambda: object().__dict__, lambda: type("X", (1,), {}), lambda: type(1, 2), lambda: isinstance(1, 2), lambda: issubclass(1, int), lambda: super(), lambda: list(1), lambda: tuple(None),
    lambda: range(1.5), lambda: range(0, 10, 0), lambda: range(5)[10], lambda: zip(1), lambda: map(None), lambda: enumerate(1), lambda: type(reversed({})).__name__, lambda: sorted(1), lambda: filter(1, 1),
    lambda: itertools.islice([], -1), lambda: itertools.repeat(1, "x"), lambda: list(itertools.combinations([], -1)), lambda: collections.deque([], -1), lambda: collections.namedtuple("X", "a a"),
    lambda: collections.namedtuple("X", "def"), lambda: operator.itemgetter(), lambda: functools.partial(), lambda: open(1.5), lambda: open("x", "q"), lambda: print(sep=1), lambda: input(1, 2),
    lambda: int.from_bytes("x", "big"), lambda: (1).to_bytes(1, "middle"), lambda: memoryview("x"), lambda: bytearray("x"), lambda: vars(1), lambda: dir(1, 2), lambda: compile("x", "f", "zz"),
    lambda: eval(1), lambda: exec("1/0"), lambda: slice(), lambda: property(1, 2, 3, 4, 5), lambda: staticmethod(), lambda: float.fromhex("xyz"), lambda: (1.5).as_integer_ratio() + float("inf").as_integer_ratio(),
    lambda: int.__new__(str), lambda: object.__new__(int), lambda: str.__new__(1), lambda: list.__init__(1), lambda: dict.fromkeys(1), lambda: {}.update(1), lambda: {}.update([[1]]), lambda: set([[]]),
    lambda: [].extend(1), lambda: [].insert("a", 1), lambda: "abc".count(), lambda: "abc".find("a", "b"), lambda: bool.__new__(bool, 1, 2), lambda: complex(1j, 1j) + complex("x"),
]
for i, c in enumerate(cases):
    try:
        r = c()
        print(i, "OK", repr(r)[:60])
    except BaseException as e:
        print(i, type(e).__name__, e)

# Builtins not covered elsewhere: hash of basics, divmod/pow variants, type(), callable, iter/next, round variants.
print(type("T", (), {})().__class__.__name__, type(3) is int, type("x")("y"), type(type).__name__)
T = type("T", (int,), {"double": lambda self: self * 2})
print(T(21).double(), T.__mro__[1].__name__, isinstance(T(1), int))
try:
    type("X", 1, {})
except TypeError as e:
    print("TypeError:", e)
try:
    type(1, 2)
except TypeError as e:
    print("TypeError:", e)
print(hash(12345), hash(-12345), hash(2 ** 64), hash(1.0), hash(1.25), hash(float("inf")), hash(float("-inf")))
print(hash(""), hash("a") == hash("a"), hash((1, 2, 3)), hash((None,)) == hash((None,)), hash(True), hash(None) == hash(None))
print(pow(7, 2, 5), pow(-7, 2, 5), pow(7, -1, 5), pow(2.0, 3), pow(2, 0.5), pow(-8, 1 / 3) if False else 0, pow(10, -2))
print(round(0.125, 2), round(0.375, 2), round(-1.5), round(1e300, -299), round(12345, -10), round(7, 0), round(-0.4))
print(divmod(-9, 4), divmod(9, -4), divmod(-9.0, 4), divmod(2 ** 65, -7), divmod(0, 5))
print(abs(-7 // 2), -7 % 2, 7 % -2, -7.5 // 2, 7.5 % -2, (-2) ** 2, -2 ** 2, 2 ** -1, 0 ** 0, 0.0 ** 0)
print(min(1, 2.0), max(2, 2.0), min("b", "a", key=str.upper), max([[1], [1, 0]]), min((), default="empty"))
print(all(x for x in [1, 2, 3]), any(x > 10 for x in range(5)), sum([[1], [2]], start=[0]), sum([], 0.5))
it = iter(range(3))
print(next(it), list(it), next(it, "end"), list(iter([])), iter(it) is it)
print(callable(type), callable(None), callable(int.__add__), callable([].append), callable(object()))
print(isinstance([], (tuple, list)), isinstance(3, (str,)), issubclass(int, object), issubclass(type, type))
print(repr(print), repr(len), repr(int), repr(object), repr(None.__class__))
print(len(dir(int)) > 30, "__add__" in dir(1), "a" in vars(type("E", (), {"a": 1})), globals()["__name__"])
print(ord("\t"), chr(955), hex(0), oct(-8), bin(2 ** 20), hex(2 ** 64), int(hex(12345), 16), int(oct(99), 8), int(bin(77), 2))

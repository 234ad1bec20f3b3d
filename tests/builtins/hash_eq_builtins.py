# Hash consistency rules for numbers and containers that PYTHONHASHSEED does not affect.
nums = [0, 1, -1, -2, 2 ** 61 - 2, 2 ** 61 - 1, 2 ** 61, 2 ** 100, -(2 ** 100), 0.5, -0.5, 1.5, 1e100, 1e-100, 123456.789]
for n in nums:
    print(repr(n), hash(n))
print(hash(float("inf")), hash(float("-inf")), hash(0.0) == hash(-0.0) == hash(0) == hash(False))
print(hash(1) == hash(1.0) == hash(True), hash(2 ** 61 - 1) == hash(0), hash(10 ** 30) == hash(float(10 ** 30)) if float(10 ** 30) == 10 ** 30 else "ne")
print(hash((1, 2)), hash((1, (2, 3))), hash(()), hash((None, True, 1.5)) == hash((None, True, 1.5)), hash(frozenset({1, 2})) == hash(frozenset({2, 1})))
print(hash(range(3)) == hash(range(0, 3)), range(0, 3, 2) == range(0, 4, 2), hash(range(0)) == hash(range(5, 5)))
for bad in ([], {}, set(), bytearray() if False else [1], ([],), slice(1, 2) if False else {1: 2}):
    try:
        hash(bad)
    except TypeError as e:
        print("TypeError:", e)
d = {1: "int", 1.0: "float", True: "bool"}
print(d, len(d))
s = {0, 0.0, False, -0.0}
print(s, len(s))
print({(1, 2): "a"}[(1.0, 2.0)], {frozenset([1]): 1}[frozenset([1.0])], {2 ** 61 - 1: "x"}.get(0))

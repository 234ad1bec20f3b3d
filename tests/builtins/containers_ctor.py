# Constructors of containers from various iterables; len/bool/in across types.
print(list(), list("ab"), list((1, 2)), list({1: "x"}), list(range(3)), list(x for x in "xy"), list(map(str, [1])))
print(tuple(), tuple([1]), tuple("ab"), dict(), dict([("a", 1)]), dict(zip("ab", [1, 2])), dict(a=1), dict({"a": 1}, a=2))
print(set(), set("aab") == {"a", "b"}, frozenset([1, 1]), sorted(set(range(3)) | {9}))
print(len([]), len("héllo"), len({"a": 1}), len(range(0, 10, 3)), len((1,)), len(frozenset("ab")))
print(bool([]), bool([0]), bool(""), bool(" "), bool({}), bool(set()), bool(range(1)), bool(0.0), bool(-0.0))
print(1 in [1], "a" in "cat", "at" in "cat", 1 in {1: 0}, 0 in {1: 0}, (1, 2) in [(1, 2)], None in [None], [] in [[]])
class It:
    def __iter__(self):
        return iter([3, 1, 2])
print(list(It()), sorted(It()), tuple(It()), set(It()) == {1, 2, 3}, dict.fromkeys(It()), max(It()), sum(It()))
d = dict.fromkeys("abc", [])
d["a"].append(1)
print(d)
print(list(reversed(list(It()))), [*It(), *It()], {*It()} == {1, 2, 3}, {k: 0 for k in It()})
for bad in [lambda: list(5), lambda: dict([("a",)]), lambda: dict(["ab", "cde"]), lambda: set([[1]]), lambda: tuple(3.0), lambda: frozenset(1)]:
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(dict(["ab", "cd"]), list(dict(x=1).items()), list({}.items()), [].copy(), {}.copy(), set().copy())
nested = [[0] * 3 for _ in range(2)]
nested[0][0] = 1
alias = [[0] * 3] * 2
alias[0][0] = 1
print(nested, alias)

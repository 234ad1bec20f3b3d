# Builtins taking functions: sorted/min/max keys, map with several iterables, filter None, iter sentinel, callable objects as keys.
class ByLen:
    def __call__(self, s):
        return len(s)
words = ["kiwi", "fig", "banana", "apple", "date"]
print(sorted(words, key=ByLen()), min(words, key=ByLen()), max(words, key=ByLen()))
print(list(map(pow, [2, 3, 4], [5, 2])), list(map(max, [1, 9], [5, 2], [3, 3])), list(map(str.strip, [" a ", "b "])))
print(list(filter(None, [0, "", None, 3, "x"])), list(filter(str.isdigit, ["1", "a", "22"])), list(filter(bool, [[], [0]])))
print(sorted(range(-5, 6), key=lambda x: (x * x, x)), sorted("aBcD", key=str.isupper))
lines = iter(["a", "b", "", "c"])
print(list(iter(lambda: next(lines), "")))
print(max([], key=len, default="empty"), min((3, 1, 2), key=lambda v: -v), max("abc", key=lambda c: 0))
def compose_all(*fs):
    def run(x):
        for f in fs:
            x = f(x)
        return x
    return run
pipeline = compose_all(str.upper, lambda s: s.replace("A", "4"), list, sorted)
print(pipeline("banana"))
table = {"double": lambda x: x * 2, "square": lambda x: x ** 2, "neg": int.__neg__}
print({k: list(map(f, range(4))) for k, f in table.items()})
print(list(map(lambda kv: f"{kv[0]}={kv[1]}", sorted({"b": 2, "a": 1}.items()))), list(zip(*map(divmod, [7, 8], [2, 3]))))
print(sum(map(len, words)), any(map(str.isupper, words)), all(map(str.islower, words)), list(enumerate(map(len, words), 1)))

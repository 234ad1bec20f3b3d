# List/dict/set comprehensions and generator expressions.
print([x * y for x in range(1, 4) for y in range(x) if (x + y) % 2])
print({x: x ** 2 for x in range(5)}, {c for c in "mississippi"} == set("misp"))
print([[row * 3 + col for col in range(3)] for row in range(3)])
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(col) for col in zip(*matrix)], [v for row in matrix for v in row])
print(sum(x for x in range(10) if x % 3 == 0), max((len(w), w) for w in "a bb ccc".split()))
x = "outer"
print([x for x in "ab"], x)
print([(i, j) for i in range(3) if i for j in range(i)])
gen = (n * n for n in range(4))
print(next(gen), list(gen))
print({k: v for k, v in zip("abc", range(3)) if v}, dict((i, str(i)) for i in range(3)))
print([y for x in [[1], [2, 3]] for y in x], [i if i % 2 else -i for i in range(6)])
print([(lambda: i)() for i in range(3)], [f() for f in [lambda: i for i in range(3)]])
try:
    [1 / (x - 2) for x in range(4)]
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print([w.upper() for w in ["a", "b"] if w != "b"], [*range(3), *"xy"], {**{"a": 1}, "b": 2})
print(sorted({x % 4 for x in range(20)}), any(x > 8 for x in range(10)), all(x < 5 for x in []))
nested_gen = ((i, j) for i in range(2) for j in range(2))
print(list(nested_gen))
def uses_walrus(data):
    return [y for x in data if (y := x * 2) > 2], y
print(uses_walrus([1, 2, 3]))
class C:
    items = [1, 2]
    doubled = [i * 2 for i in items]
print(C.doubled)
print([i for i in range(5)][::-1], {i: [j for j in range(i)] for i in range(3)})

# Generator expression scoping and laziness, first-iterable evaluation, exhaustion, gen as argument.
log = []
def src(n):
    log.append(f"src({n})")
    return range(n)
g = (x * 2 for x in src(3))
print(log)
print(next(g), log)
print(list(g), list(g))
y = 10
g2 = (x + y for x in range(3))
y = 100
print(list(g2))
try:
    g3 = (x for x in 5)
except TypeError as e:
    print("TypeError:", e)
def lazy_div():
    return (1 / x for x in [1, 0, 2])
it = lazy_div()
print(next(it))
try:
    next(it)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(list(it))
print(sum(x * x for x in range(10)), "-".join(str(i) for i in range(4)), max((c for c in "hello"), key=ord))
print(sorted((len(w), w) for w in "aa b cccc dd".split()), dict((c, ord(c)) for c in "ab"), set(x % 3 for x in range(9)))
nested = ((i, j) for i in range(3) for j in range(i))
print(list(nested))
print(any(x > 2 for x in [1, 2, 3, 4]), all(x for x in [1, 0]), next((x for x in [] ), "none"))
def consume(gen):
    return [v for v in gen]
print(consume(x for x in "ab"), consume(i for i in range(2)))
g4 = (i for i in range(5))
print(3 in g4, list(g4))
g5 = (i for i in range(3))
print(g5.__name__, g5.__qualname__, type(g5).__name__, iter(g5) is g5)
class Table:
    rows = [1, 2, 3]
    total = sum(r for r in rows)
print(Table.total)

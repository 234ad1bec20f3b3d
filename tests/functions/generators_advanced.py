# yield from with send/throw delegation, generator return values through several levels, close propagation.
def leaf():
    total = 0
    while True:
        try:
            x = yield total
        except ValueError as e:
            total = -1
            continue
        if x is None:
            return total
        total += x
def middle():
    r = yield from leaf()
    print("leaf returned", r)
    r2 = yield from leaf()
    return r + r2
def top():
    result = yield from middle()
    yield f"final {result}"
g = top()
print(next(g), g.send(5), g.send(7), g.throw(ValueError("x")), g.send(3))
print(g.send(None))
print(g.send(10), g.send(None))
def closing_leaf():
    try:
        yield 1
        yield 2
    finally:
        print("leaf closed")
def closing_outer():
    try:
        yield from closing_leaf()
    finally:
        print("outer closed")
c = closing_outer()
print(next(c))
c.close()
print("after close")
def gen_exc():
    try:
        yield 1
    except KeyError:
        yield "handled KeyError"
    yield "after"
def deleg():
    yield from gen_exc()
d = deleg()
print(next(d), d.throw(KeyError), next(d))
try:
    next(d)
except StopIteration:
    print("deleg done")
def subgen_returns_early():
    return "early"
    yield
def outer2():
    x = yield from subgen_returns_early()
    yield x
print(list(outer2()))
def yf_iterable():
    got = yield from iter([1, 2])
    yield got
print(list(yf_iterable()))
def gen_of_gens():
    for i in range(3):
        yield (j for j in range(i))
print([list(g) for g in gen_of_gens()])
def averager():
    total, count = 0.0, 0
    while True:
        value = yield
        if value is None:
            break
        total += value
        count += 1
    return total / count if count else None
def grouper(results, key):
    while True:
        results[key] = yield from averager()
results = {}
for key, values in [("a", [1, 2, 3]), ("b", [10, 20])]:
    gr = grouper(results, key)
    next(gr)
    for v in values:
        gr.send(v)
    gr.send(None)
print(results)

# Generator pipelines, infinite generators, generator state.
def naturals():
    n = 0
    while True:
        yield n
        n += 1
def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x
def evens(it):
    return (x for x in it if x % 2 == 0)
def squares(it):
    for x in it:
        yield x * x
print(list(take(5, squares(evens(naturals())))))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
print(list(take(15, fib())))
def chunks(seq, size):
    for i in range(0, len(seq), size):
        yield seq[i:i + size]
print(list(chunks(list(range(10)), 3)), list(chunks("abcdefg", 2)))
def flatten(nested):
    for item in nested:
        if isinstance(item, (list, tuple)):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, (3, [4, 5])], [], [[6]]])))
def running_avg():
    total = count = 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count
ra = running_avg()
next(ra)
print([ra.send(v) for v in [10, 20, 30, 40]])
g = (i for i in range(3))
print(g.gi_running)
print(next(g), list(g))
def gen_with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup ran")
for v in gen_with_finally():
    print("got", v)
    break
print("after break")
def counter_gen():
    count = yield "start"
    while True:
        count = yield f"count={count}"
cg = counter_gen()
print(next(cg), cg.send(1), cg.send(2))
def zip_longest_like(a, b, fill=None):
    ia, ib = iter(a), iter(b)
    while True:
        x, y = next(ia, fill), next(ib, fill)
        if x is fill and y is fill:
            return
        yield x, y
print(list(zip_longest_like([1, 2, 3], "ab")))
print(sum(x for x in range(100) if x % 7 == 3), max(len(s) for s in ["a", "abc", "ab"]))
def gen_return_in_loop(limit):
    for i in range(10):
        if i == limit:
            return i * 100
        yield i
def drive(gen):
    result = yield from gen
    yield ("result", result)
print(list(drive(gen_return_in_loop(3))))

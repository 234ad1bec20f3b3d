# Generators: pipelines of generator functions and generator expressions,
# yield from delegation, and a sieve of lazily filtered streams.
def count_from(n):
    while True:
        yield n
        n += 1


def take(n, it):
    for _ in range(n):
        yield next(it)


def primes():
    # Incremental sieve: a dict of the next composite for each prime.
    composites = {}
    for n in count_from(2):
        p = composites.pop(n, None)
        if p is None:
            yield n
            composites[n * n] = n
        else:
            m = n + p
            while m in composites:
                m += p
            composites[m] = p


def flatten(tree):
    for node in tree:
        if isinstance(node, list):
            yield from flatten(node)
        else:
            yield node


def build(depth, start):
    if depth == 0:
        return [start, start + 1]
    return [build(depth - 1, start * 2), start, build(depth - 1, start * 2 + 1)]


def windows(it, size):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == size:
            yield tuple(buf)
            buf.pop(0)


total = sum(take(50000, primes()))
tree = build(15, 1)
flat_sum = sum(x for x in flatten(tree) if x % 3)
win = sum(a * b - c for a, b, c in windows((i * i % 97 for i in range(600000)), 3))
print(total, flat_sum, win)

import itertools as it, operator, collections, statistics, random
from itertools import groupby, accumulate, chain, islice, tee, zip_longest, pairwise, starmap, product, permutations, combinations_with_replacement, compress, dropwhile, takewhile, cycle, filterfalse, count, batched if False else count

def read_lines():
    data = """2024-01-03,north,apples,12,0.5
2024-01-03,south,pears,4,0.75
2024-01-04,north,apples,7,0.5
2024-01-04,east,plums,20,0.2
2024-01-05,south,apples,1,0.55
2024-01-05,north,pears,9,0.8
bad line
2024-01-06,east,apples,3,0.5"""
    for n, line in enumerate(data.splitlines(), 1):
        yield n, line

def parse(lines):
    for n, line in lines:
        parts = line.split(",")
        if len(parts) != 5:
            print(f"skip line {n}: {line!r}")
            continue
        date, region, fruit, qty, price = parts
        yield {"date": date, "region": region, "fruit": fruit, "qty": int(qty), "price": float(price)}

def with_total(rows):
    for r in rows:
        r["total"] = round(r["qty"] * r["price"], 2)
        yield r

rows = list(with_total(parse(read_lines())))
key = operator.itemgetter("region")
for region, grp in groupby(sorted(rows, key=key), key=key):
    g = list(grp)
    print(f"{region:>6}: n={len(g)} qty={sum(r['qty'] for r in g):3d} total={sum(r['total'] for r in g):7.2f} fruits={sorted({r['fruit'] for r in g})}")
print(list(accumulate(r["qty"] for r in rows)), list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate([1, 2, 3], operator.mul, initial=10)))
a, b = tee(r["total"] for r in rows)
next(b)
print([round(y - x, 2) for x, y in zip(a, b)], list(pairwise("abcd")))
print(list(zip_longest("ab", [1, 2, 3], fillvalue="-")), list(starmap(pow, [(2, 3), (3, 2)])), list(compress("abcdef", [1, 0, 1, 0, 1])))
print(list(dropwhile(lambda x: x < 3, [1, 2, 3, 1])), list(takewhile(str.isalpha, "abc1de")), list(islice(cycle("xy"), 5)), list(filterfalse(None, [0, 1, "", "a"])))
print(list(islice(count(10, 2.5), 3)), list(product("ab", repeat=2)), len(list(permutations(range(5), 3))), list(combinations_with_replacement("ab", 2)))
print(list(chain.from_iterable(["ab", "cd"])), list(it.repeat("z", 3)), list(islice("abcdefgh", 1, None, 3)))
by_fruit = collections.defaultdict(lambda: collections.Counter())
for r in rows:
    by_fruit[r["fruit"]][r["region"]] += r["qty"]
for f in sorted(by_fruit):
    print(f, dict(by_fruit[f]), by_fruit[f].most_common(1))
qtys = [r["qty"] for r in rows]
print(statistics.mean(qtys), statistics.median(qtys), statistics.mode([1, 2, 2, 3]), round(statistics.stdev(qtys), 4), round(statistics.pvariance(qtys), 4), statistics.median_low([1, 3, 5, 7]), statistics.quantiles(qtys, n=4))
print(statistics.fmean([1.5, 2.5]), statistics.geometric_mean([1, 4]), statistics.harmonic_mean([2, 4]), statistics.multimode("aabbc"))
try:
    statistics.mean([])
except statistics.StatisticsError as e:
    print("StatisticsError", e)
rng = random.Random(42)
print(rng.randint(1, 100), rng.choice("abcdef"), rng.sample(range(100), 5), round(rng.random(), 6), rng.choices("abc", weights=[1, 5, 10], k=6))
deck = list(range(10)); rng.shuffle(deck); print(deck, round(rng.gauss(0, 1), 6), round(rng.uniform(1, 2), 6), rng.getrandbits(40), rng.randrange(0, 100, 7))
def chunks(iterable, n):
    itr = iter(iterable)
    while chunk := list(islice(itr, n)):
        yield chunk
print(list(chunks(range(10), 4)))
def flatten(x):
    for y in x:
        if isinstance(y, (list, tuple)):
            yield from flatten(y)
        else:
            yield y
print(list(flatten([1, [2, (3, [4, [5]])], 6])))
def averager():
    total = n = 0
    avg = None
    while True:
        x = yield avg
        if x is None:
            return total
        total += x; n += 1; avg = total / n
g = averager(); next(g)
print([g.send(v) for v in [10, 20, 60]])
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value)
gen = (x * x for x in range(5))
print(sum(gen), sum(gen), list(map(operator.add, [1, 2], [10, 20, 30])), sorted(rows, key=operator.itemgetter("fruit", "qty"))[0]["date"])
print(max(rows, key=lambda r: (r["total"], r["date"]))["date"], min(((r["qty"], r["fruit"]) for r in rows)), sorted(rows, key=lambda r: (r["region"], -r["qty"]))[-1]["fruit"])

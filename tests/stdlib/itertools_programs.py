# Real programs built from itertools, functools, operator and collections pieces.
from itertools import (accumulate, chain, combinations, count, cycle, groupby, islice, pairwise,
                       permutations, product, repeat, starmap, takewhile, tee, zip_longest)
from _functools import reduce, partial
from _collections import deque, defaultdict
from operator import itemgetter, mul, add
import heapq


def primes():
    """Incremental sieve."""
    composites = {}
    for n in count(2):
        if n not in composites:
            yield n
            composites[n * n] = [n]
        else:
            for p in composites.pop(n):
                composites.setdefault(n + p, []).append(p)


print(list(islice(primes(), 25)))
print(list(takewhile(lambda p: p < 60, primes()))[-3:])


def window(it, n):
    d = deque(maxlen=n)
    for x in it:
        d.append(x)
        if len(d) == n:
            yield tuple(d)


print(list(window(range(7), 3)), [sum(w) / 3 for w in window([3, 5, 7, 9, 11], 3)])

# run-length encoding and decoding
text = "WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW"
encoded = [(len(list(g)), ch) for ch, g in groupby(text)]
print(encoded)
print("".join(starmap(lambda n, ch: ch * n, encoded)) == text)

# travelling salesman by brute force over permutations
cities = {"A": (0, 0), "B": (1, 5), "C": (5, 2), "D": (6, 6), "E": (3, 3)}


def dist(a, b):
    (x1, y1), (x2, y2) = cities[a], cities[b]
    return ((x1 - x2) ** 2 + (y1 - y2) ** 2) ** 0.5


def tour_length(tour):
    return sum(dist(a, b) for a, b in pairwise(tour + tour[:1]))


best = min((("A",) + p for p in permutations("BCDE")), key=tour_length)
print(best, round(tour_length(best), 6))

# dice sums histogram
hist = defaultdict(int)
for roll in product(range(1, 7), repeat=3):
    hist[sum(roll)] += 1
print(sorted(hist.items())[:6], max(hist.items(), key=itemgetter(1)))

# subsets summing to a target
nums = [3, 34, 4, 12, 5, 2]
print(sorted(c for r in range(1, len(nums) + 1) for c in combinations(nums, r) if sum(c) == 9))

# running balance, factorials, dot products
print(list(accumulate([100, -20, -30, 55, -5])), list(accumulate(range(1, 8), mul)))
print(reduce(add, map(mul, [1, 2, 3], [4, 5, 6])), sum(starmap(mul, zip([1, 2], [3, 4]))))

# round-robin scheduling
def roundrobin(*iterables):
    pending = deque(iter(it) for it in iterables)
    while pending:
        it = pending.popleft()
        try:
            yield next(it)
        except StopIteration:
            continue
        pending.append(it)


print(list(roundrobin("ABC", "D", "EF")))
print(list(chain.from_iterable(zip_longest("abc", "12345", fillvalue="_"))))
cyc = cycle("RGB")
print("".join(next(cyc) for _ in range(10)), list(repeat("ab", 2)))

# merging sorted streams and top-k
streams = [[1, 4, 9], [2, 3, 10], [5, 6, 7]]
merged = []
heap = [(s[0], i, 0) for i, s in enumerate(streams)]
heapq.heapify(heap)
while heap:
    v, i, j = heapq.heappop(heap)
    merged.append(v)
    if j + 1 < len(streams[i]):
        heapq.heappush(heap, (streams[i][j + 1], i, j + 1))
print(merged, heapq.nlargest(3, merged), heapq.nsmallest(2, merged))

# lookahead with tee
def with_next(it):
    a, b = tee(it)
    next(b, None)
    return zip_longest(a, b)


print(list(with_next("abcd")))
scale = partial(map, partial(mul, 10))
print(list(scale([1, 2, 3])))

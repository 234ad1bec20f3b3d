# heapq and bisect, with the native _heapq and _bisect underneath.
import heapq, bisect, _heapq, _bisect
print(heapq.heappush is _heapq.heappush, bisect.bisect is _bisect.bisect_right)
h = []
for x in [5, 1, 8, 3, 9, 2, 7]: heapq.heappush(h, x)
print(h, [heapq.heappop(h) for _ in range(3)], h)
data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]; heapq.heapify(data); print(data)
print(heapq.heapreplace(data, 10), data, heapq.heappushpop(data, -1), heapq.heappushpop(data, 4), data)
print(heapq.nlargest(3, [5, 1, 8, 3, 9]), heapq.nsmallest(2, [5, 1, 8, 3, 9], key=lambda v: -v))
m = [3,1,4,1,5,9,2,6]; heapq._heapify_max(m); print(m, heapq._heappop_max(m), m)
for f, a in [(heapq.heappop, ([],)), (heapq.heappush, ((), 1)), (heapq.heapreplace, ([], 1)), (heapq.heapify, (None,))]:
    try: f(*a)
    except Exception as e: print(type(e).__name__, e)
a = [1, 2, 2, 2, 3, 5]
print(bisect.bisect_left(a, 2), bisect.bisect_right(a, 2), bisect.bisect(a, 4), bisect.bisect_left(a, 2, 2), bisect.bisect_right(a, 2, 0, 2))
bisect.insort(a, 4); bisect.insort_left(a, 2); print(a)
recs = [("a", 1), ("b", 3), ("c", 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ("z", 4), key=lambda r: r[1]); print(recs)
print(bisect.bisect_left((1, 3, 5), 4), bisect.bisect_right(range(10), 4.5))
try: bisect.bisect_left(a, 1, -1)
except ValueError as e: print(e)
try: bisect.bisect_left(a)
except TypeError as e: print(e)

# heaps of tuples and of objects with __lt__
tasks = []
for prio, name in [(3, "write"), (1, "plan"), (2, "code"), (1, "coffee"), (5, "ship")]:
    heapq.heappush(tasks, (prio, name))
print([heapq.heappop(tasks) for _ in range(len(tasks))])


class Job:
    def __init__(self, p):
        self.p = p
    def __lt__(self, other):
        return self.p < other.p
    def __repr__(self):
        return f"Job({self.p})"


jobs = [Job(p) for p in [5, 3, 8, 1, 9, 2]]
heapq.heapify(jobs)
print(jobs, heapq.heappop(jobs), heapq.nsmallest(2, jobs, key=lambda j: j.p))


class Bad:
    def __lt__(self, other):
        raise ValueError("no order")


try:
    heapq.heapify([Bad(), Bad(), Bad()])
except ValueError as e:
    print("ValueError", e)
h = [1, 2, 3]


class Shrinker:
    def __lt__(self, other):
        h.clear()
        return True


try:
    heapq.heappush(h, Shrinker())
except RuntimeError as e:
    print("RuntimeError", e)
print(heapq.heappushpop([], 5), heapq.heappushpop([1], 0))

# heap sort equals sorted, on many shapes
import itertools
for n in range(12):
    for seed in range(3):
        data = [(i * 7919 + seed * 31) % 23 for i in range(n)]
        h = []
        for x in data:
            heapq.heappush(h, x)
        assert [heapq.heappop(h) for _ in range(n)] == sorted(data)
        h2 = list(data)
        heapq.heapify(h2)
        assert all(h2[(i - 1) // 2] <= h2[i] for i in range(1, n))
print("heap invariants ok")

grades = [60, 70, 80, 90]
print([("FDCBA")[bisect.bisect(grades, s)] for s in [33, 99, 77, 70, 89, 90, 100]])
dq = list(range(0, 50, 5))
print(bisect.bisect_left(dq, 25), bisect.bisect_right(dq, 25), bisect.bisect_left(dq, 26, hi=3), bisect.bisect_right(dq, -1))
for bad in [lambda: bisect.bisect([1], 1, "a"), lambda: bisect.bisect(5, 1), lambda: bisect.insort((1, 2), 3),
            lambda: bisect.bisect([1], 1, None), lambda: bisect.bisect_left([1, "a"], 2)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

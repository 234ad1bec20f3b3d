import heapq, itertools, bisect
from collections import deque, defaultdict
import math

edges = """A B 7
A C 9
A F 14
B C 10
B D 15
C D 11
C F 2
D E 6
E F 9
G H 1"""
graph = defaultdict(dict)
for line in edges.splitlines():
    u, v, w = line.split()
    graph[u][v] = graph[v][u] = int(w)

def dijkstra(src):
    dist = {src: 0}
    prev = {}
    pq = [(0, src)]
    seen = set()
    while pq:
        d, u = heapq.heappop(pq)
        if u in seen:
            continue
        seen.add(u)
        for v, w in sorted(graph[u].items()):
            nd = d + w
            if nd < dist.get(v, math.inf):
                dist[v] = nd
                prev[v] = u
                heapq.heappush(pq, (nd, v))
    return dist, prev

def path(prev, t):
    out = [t]
    while t in prev:
        t = prev[t]
        out.append(t)
    return "->".join(reversed(out))

dist, prev = dijkstra("A")
for n in sorted(graph):
    print(f"{n}: {dist.get(n, math.inf):>5} {path(prev, n) if n in dist else 'unreachable'}")

def bfs(start):
    q = deque([start]); order = []; seen = {start}
    while q:
        u = q.popleft(); order.append(u)
        for v in sorted(graph[u]):
            if v not in seen:
                seen.add(v); q.append(v)
    return order
print(bfs("A"), bfs("G"))

def components():
    seen = set(); comps = []
    for n in sorted(graph):
        if n in seen: continue
        stack = [n]; comp = []
        while stack:
            u = stack.pop()
            if u in seen: continue
            seen.add(u); comp.append(u)
            stack.extend(graph[u])
        comps.append(sorted(comp))
    return comps
print(components())

grid = ["S.#.....",
        ".##.###.",
        "....#...",
        "#.#...#E"]
def astar():
    H, W = len(grid), len(grid[0])
    start = next((r, c) for r in range(H) for c in range(W) if grid[r][c] == "S")
    end = next((r, c) for r in range(H) for c in range(W) if grid[r][c] == "E")
    h = lambda p: abs(p[0] - end[0]) + abs(p[1] - end[1])
    counter = itertools.count()
    pq = [(h(start), next(counter), 0, start, None)]
    came = {}
    while pq:
        f, _, g, cur, parent = heapq.heappop(pq)
        if cur in came: continue
        came[cur] = parent
        if cur == end: break
        r, c = cur
        for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < H and 0 <= nc < W and grid[nr][nc] != "#" and (nr, nc) not in came:
                heapq.heappush(pq, (g + 1 + h((nr, nc)), next(counter), g + 1, (nr, nc), cur))
    p = end; steps = []
    while p: steps.append(p); p = came[p]
    rows = [list(r) for r in grid]
    for r, c in steps[1:-1]: rows[r][c] = "*"
    return len(steps) - 1, ["".join(r) for r in rows]
n, rows = astar()
print(n); print(*rows, sep="\n")

h = [5, 1, 8, 3, 2]
heapq.heapify(h)
print(h, heapq.nsmallest(3, h), heapq.nlargest(2, h, key=lambda x: -x), heapq.heappushpop(h, 0), heapq.heapreplace(h, 9), h)
print(list(heapq.merge([1, 4, 7], [2, 5], [3, 6, 9], key=None)), list(heapq.merge("ace", "bd", reverse=False)))
try:
    heapq.heappop([])
except IndexError as e:
    print("IndexError", e)
try:
    heapq.heappush([1], "a")
except TypeError as e:
    print("TypeError", e)
scores = [60, 70, 80, 90]
grades = "FDCBA"
print([grades[bisect.bisect(scores, s)] for s in [33, 99, 77, 70, 89, 90, 100]])
ins = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    bisect.insort(ins, x)
print(ins, bisect.bisect_left(ins, 5), bisect.bisect_right(ins, 5), bisect.bisect(ins, 3, key=None))
print(bisect.bisect_left([("a", 1), ("c", 3)], "b", key=lambda t: t[0]))
topo = {"shirt": ["tie", "belt"], "tie": ["jacket"], "pants": ["shoes", "belt"], "belt": ["jacket"], "socks": ["shoes"], "shoes": [], "jacket": [], "watch": []}
from graphlib import TopologicalSorter, CycleError
ts = TopologicalSorter({k: set() for k in topo})
for k, vs in topo.items():
    for v in vs: ts.add(v, k)
print(list(ts.static_order()))
try:
    list(TopologicalSorter({"a": {"b"}, "b": {"a"}}).static_order())
except CycleError as e:
    print("CycleError", e.args)
# heapq.merge relies on these: a method-wrapper knows its object and slot
nx = iter([3, 4]).__next__
print(type(nx).__name__, type(nx.__self__).__name__, nx.__name__, nx.__qualname__, nx.__objclass__, nx())
print((1).__add__.__self__, "s".__eq__.__qualname__, [].__len__.__objclass__, {}.__contains__.__name__)

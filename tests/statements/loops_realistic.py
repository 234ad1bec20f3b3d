# Loop-heavy algorithms: binary search, bubble sort, two-pointer, sliding window, BFS/DFS.
def binary_search(a, x):
    lo, hi = 0, len(a) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if a[mid] == x:
            return mid
        elif a[mid] < x:
            lo = mid + 1
        else:
            hi = mid - 1
    return -(lo + 1)
arr = list(range(0, 40, 3))
print([binary_search(arr, x) for x in (0, 9, 10, 39, 100, -5)])
def bubble(a):
    a = a[:]
    n = len(a)
    swaps = 0
    for i in range(n):
        swapped = False
        for j in range(n - 1 - i):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]
                swaps += 1
                swapped = True
        if not swapped:
            break
    return a, swaps
print(bubble([5, 1, 4, 2, 8, 0]))
def two_sum(nums, target):
    seen = {}
    for i, n in enumerate(nums):
        if target - n in seen:
            return seen[target - n], i
        seen[n] = i
    return None
print(two_sum([2, 7, 11, 15], 9), two_sum([3, 2, 4], 6), two_sum([1], 5))
def max_window(a, k):
    best = cur = sum(a[:k])
    for i in range(k, len(a)):
        cur += a[i] - a[i - k]
        best = max(best, cur)
    return best
print(max_window([1, 4, 2, 10, 23, 3, 1, 0, 20], 4))
graph = {"a": ["b", "c"], "b": ["d"], "c": ["d", "e"], "d": ["f"], "e": ["f"], "f": []}
def bfs(start):
    order, queue, seen = [], [start], {start}
    while queue:
        node = queue.pop(0)
        order.append(node)
        for nxt in graph[node]:
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return order
def dfs(node, seen=None):
    seen = [] if seen is None else seen
    seen.append(node)
    for nxt in graph[node]:
        if nxt not in seen:
            dfs(nxt, seen)
    return seen
print(bfs("a"), dfs("a"))
grid = ["#####", "#..E#", "#.#.#", "#S..#", "#####"]
start = next((r, c) for r, row in enumerate(grid) for c, ch in enumerate(row) if ch == "S")
dist = {start: 0}
frontier = [start]
while frontier:
    nxt = []
    for r, c in frontier:
        for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
            p = (r + dr, c + dc)
            if grid[p[0]][p[1]] != "#" and p not in dist:
                dist[p] = dist[(r, c)] + 1
                nxt.append(p)
    frontier = nxt
end = next((r, c) for r, row in enumerate(grid) for c, ch in enumerate(row) if ch == "E")
print(start, end, dist[end], len(dist))
collatz = {}
for n in range(1, 30):
    steps, m = 0, n
    while m != 1:
        m = m // 2 if m % 2 == 0 else 3 * m + 1
        steps += 1
    collatz[n] = steps
print(max(collatz, key=collatz.get), sorted(collatz.values())[-3:])

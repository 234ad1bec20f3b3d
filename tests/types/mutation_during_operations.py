# Objects that mutate containers while they are compared, sorted, hashed or iterated.
class Mutator:
    def __init__(self, target, n): self.target, self.n = target, n
    def __eq__(self, other):
        self.target.clear()
        return False
    def __lt__(self, other):
        self.target.append(self.n)
        return self.n < getattr(other, "n", 0)
    def __hash__(self): return 1
lst = [Mutator(None, i) for i in range(5)]
for m in lst: m.target = lst
try:
    lst.sort()
except ValueError as e:
    print("ValueError", e)
print(len(lst))
d1 = {1: Mutator(None, 1), 2: 2}
d2 = {1: 0, 2: 2}
d1[1].target = d1
print(d1 == d2, d1)
s = {Mutator(None, 0)}
try:
    for x in s:
        s.add(5)
except RuntimeError as e:
    print("RuntimeError", e)
d = {i: i for i in range(5)}
try:
    for k in d:
        d[k + 10] = 0
except RuntimeError as e:
    print("RuntimeError", e)
try:
    for k in d:
        del d[k]; d[k] = 1
except RuntimeError as e:
    print("RuntimeError", e)
l = [1, 2, 3]
for x in l:
    if len(l) < 6:
        l.append(x * 10)
print(l)
class KeyMut:
    def __init__(self, d): self.d = d
    def __hash__(self): return 7
    def __eq__(self, other):
        self.d.clear()
        return True
dd = {}
dd[KeyMut(dd)] = 1
try:
    print(dd.get(KeyMut(dd)), dd)
except RuntimeError as e:
    print("RuntimeError", e)
class EqMutList:
    def __init__(self, l): self.l = l
    def __eq__(self, other):
        del self.l[:]
        return False
a = [EqMutList(None), 1, 2]
a[0].l = a
print(a == [0, 1, 2], a.count(0), len(a))
b = [3, 1, 2]
print(sorted(b, key=lambda x: b.append(x) or x) if False else "skip", b)
try:
    b.sort(key=lambda x: b.pop())
except (ValueError, IndexError) as e:
    print(type(e).__name__, e)
print(b)
import heapq
class HeapMut:
    def __init__(self, h, v): self.h, self.v = h, v
    def __lt__(self, other):
        self.h.clear()
        return self.v < other.v
h = []
for i in range(4):
    heapq.heappush(h, HeapMut(h, i))
try:
    heapq.heappush(h, HeapMut(h, -1)); heapq.heappop(h); print(len(h))
except (RuntimeError, IndexError) as e:
    print(type(e).__name__, e)
from collections import deque, OrderedDict
dq = deque([1, 2, 3])
try:
    for x in dq:
        dq.append(x)
except RuntimeError as e:
    print("RuntimeError", e)
od = OrderedDict(a=1, b=2)
try:
    for k in od:
        od.move_to_end(k)
except RuntimeError as e:
    print("RuntimeError", e)
print(list(od))
try:
    for k in od:
        od["z"] = 1
except RuntimeError as e:
    print("RuntimeError", e)
ba = bytearray(b"abc")
try:
    for c in ba:
        if len(ba) < 6: ba.append(c)
    print(ba)
except Exception as e:
    print(type(e).__name__, e)

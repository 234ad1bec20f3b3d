# _collections.deque: the type behind collections.deque.
from _collections import deque

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], d[2], 3 in d, 9 in d, bool(d), bool(deque()))
print(d.pop(), d.popleft(), d)
d.extend("ab")
d.extendleft([7, 8])
print(d)
d.rotate(2); print(d)
d.rotate(-3); print(d)
d.rotate(0); d.rotate(len(d) * 5 + 1); print(d)
d.reverse(); print(d)
print(d.count(2), d.count("zz"), d.index(2), d.index("a"), d.index(2, 1), d.index(1, -4))
for bad in [lambda: d.index(99), lambda: d.remove(99), lambda: d.index(2, 0, 1)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError", e)
d.remove("a"); d.insert(1, "X"); d.insert(-1, "Y"); d.insert(100, "Z"); d.insert(-100, "W")
print(d)
d[0] = "first"; del d[1]; del d[-1]
print(d, d.copy(), d.copy() == d, d.copy() is d)
d.clear(); print(d, len(d))

m = deque(range(10), maxlen=3)
print(m, m.maxlen, deque().maxlen)
m.append(10); print(m)
m.appendleft(-1); print(m)
m.extend([20, 21]); print(m)
m.extendleft("ab"); print(m)
try:
    m.insert(0, 5)
except IndexError as e:
    print("IndexError", e)
z = deque([1, 2], maxlen=0); z.append(3); z.appendleft(4); print(z)

for bad in [lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1])[5], lambda: deque([1])[-2],
            lambda: deque().__setitem__(0, 1), lambda: deque([1]).__delitem__(3)]:
    try:
        bad()
    except IndexError as e:
        print("IndexError", e)
for bad in [lambda: deque([1])[1:2], lambda: deque([1])["a"], lambda: deque(maxlen="x"), lambda: deque([], 1, 2),
            lambda: deque(foo=1), lambda: deque(5), lambda: hash(deque()), lambda: deque() + [1], lambda: deque().rotate("x")]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
try:
    deque(maxlen=-1)
except ValueError as e:
    print("ValueError", e)

dd = deque([1, 2, 3])
try:
    for x in dd:
        dd.append(x)
except RuntimeError as e:
    print("RuntimeError", e)
dd = deque([1, 2, 3])
it = iter(dd)
next(it)
dd[0] = 9
print(list(it))

class Mutating:
    def __eq__(self, other):
        dd.clear()
        return False
dd = deque([1, 2, 3])
try:
    dd.count(Mutating())
except RuntimeError as e:
    print("RuntimeError", e)

r = deque(); r.append(r); print(r)
r2 = deque([1]); r2.append([r2]); print(r2)

print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) != deque([1, 2, 3]), deque([1, 2]) < deque([1, 3]))
print(deque([1]) == [1], deque([1, 2, 3]) > deque([1, 2]), deque() <= deque(), deque("b") >= deque("ab"))
try:
    deque([1]) < [1]
except TypeError as e:
    print("TypeError", e)

a = deque([1, 2])
a += [3]
a += "x"
print(a, a + deque([4]), a * 2, 2 * a, a * 0, a * -1)
b = a
b *= 2
print(b is a, a)
bounded = deque([1, 2, 3], maxlen=4)
print(bounded * 3, bounded + deque([9]))
e = deque([1, 2])
e.extend(e); e += e; print(e)
e.extendleft(e); print(e)
print(list(reversed(deque("abc"))), deque(reversed(deque(range(4)))))
it = iter(deque([1, 2, 3])); next(it)
print(it.__length_hint__(), list(it), it.__length_hint__())
rit = reversed(deque("xyz"))
print(type(iter(deque())).__name__, type(rit).__name__, next(rit), rit.__length_hint__())
print(deque.__class_getitem__(int), deque("abc", 2), deque(iterable=[1], maxlen=None))
print(deque([3, 1], 5).__reduce__()[:3], deque([1]).__reduce__()[1])

class D(deque):
    def __init__(self, it, tag):
        super().__init__(it, maxlen=4)
        self.tag = tag

x = D([1, 2, 3, 4, 5], "t")
print(x, x.tag, x.maxlen, type(x).__name__, isinstance(x, deque))

class Plain(deque):
    pass

p = Plain("ab")
print(p, type(p.copy()).__name__, p == deque("ab"), type(p + p).__name__)
d2 = deque([1, 2, 3])
d2.__init__([7])
print(d2)

# a bounded history: the classic use
history = deque(maxlen=3)
for line in ["a", "b", "c", "d", "e"]:
    history.append(line)
    print(list(history))

# BFS with a deque
graph = {1: [2, 3], 2: [4], 3: [4, 5], 4: [6], 5: [6], 6: []}
seen, order, queue = {1}, [], deque([1])
while queue:
    node = queue.popleft()
    order.append(node)
    for nxt in graph[node]:
        if nxt not in seen:
            seen.add(nxt)
            queue.append(nxt)
print(order)

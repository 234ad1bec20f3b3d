# Deeply nested structures whose parts are weakly referenced (the pure-Python
# OrderedDict keeps weakref proxies to its links) are freed without crashing:
# objects queued for freeing must look dead to their weak references.
import gc
import weakref
from collections import OrderedDict


class Sub(OrderedDict):
    pass


for cls in (OrderedDict, Sub):
    for depth in (10, 100, 1000, 5000):
        obj = None
        for _ in range(depth):
            obj = cls([(None, obj)])
        del obj
        gc.collect()
        print(cls.__name__, depth, "freed")

deleted = []


class WithDel(OrderedDict):
    def __del__(self):
        deleted.append(self.i)


obj = None
for i in range(100):
    obj = WithDel([(None, obj)])
    obj.i = i
del obj
gc.collect()
print(deleted == list(reversed(range(100))))


# Weak references (with callbacks) to objects deep inside a nested chain.
class Node:
    __slots__ = ("child", "__weakref__")


called = []
refs = []
head = None
for i in range(3000):
    n = Node()
    n.child = head
    head = n
    if i % 500 == 0:
        refs.append(weakref.ref(n, lambda r, i=i: called.append(i)))
        refs.append(weakref.proxy(n))
print(sum(1 for r in refs[::2] if r() is not None))
del head, n
gc.collect()
print(sorted(called))
print(all(r() is None for r in refs[::2]))
for p in refs[1::2]:
    try:
        p.child
    except ReferenceError as e:
        print("ReferenceError", e)
        break

# A chain of proxies to links that point at each other.
class Link:
    __slots__ = ("prev", "next", "__weakref__")


chains = []
for _ in range(50):
    root = Link()
    proxy_root = weakref.proxy(root)
    root.prev = root.next = proxy_root
    last = root
    for _ in range(200):
        link = Link()
        link.prev = weakref.proxy(last)
        last.next = link
        last = link
    chains.append((root, proxy_root))
nested = None
for c in chains:
    nested = [nested, c]
del chains, c, root, proxy_root, link, last
del nested
gc.collect()
print("done")

# Unreachable cycles are found by gc.collect(); __del__ runs once per object,
# in the order the objects were created, before the cycle is broken.
import gc

gc.disable()
gc.collect()

log = []


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        log.append(self.name)
        print("del", self.name, "other is", None if self.other is None else self.other.name)


def ring(prefix, n):
    nodes = [Node(f"{prefix}{i}") for i in range(n)]
    for a, b in zip(nodes, nodes[1:] + nodes[:1]):
        a.other = b
    return nodes[0]


r = ring("a", 3)
print("collect with ring alive:", gc.collect())
del r
print("collected:", gc.collect())
print("log:", log)

# Two separate rings: one collection finds both.
x = ring("b", 2)
y = ring("c", 4)
del x, y
print("collected:", gc.collect())
print("again:", gc.collect())

# Self-cycle through a list held in an attribute.
class Holder:
    def __del__(self):
        print("holder del, items:", len(self.items))


h = Holder()
h.items = [h, h, [h]]
del h
print("collected:", gc.collect())


# A cycle without __del__ hanging off a cycle with one.
class Plain:
    pass


p = Plain()
p.me = p
n = Node("owner")
n.other = n
n.extra = p
del p, n
print("collected:", gc.collect())

# Objects only reachable from garbage are garbage too, even if acyclic.
n = Node("root")
n.other = n
n.child = Node("leaf")
del n
print("collected:", gc.collect())
print("done")

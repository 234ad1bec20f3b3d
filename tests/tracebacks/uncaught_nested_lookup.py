class Node:
    def __init__(self, val, children=()):
        self.val = val
        self.children = list(children)
    def total(self):
        return self.val + sum(c.total() for c in self.children)
tree = Node(1, [Node(2), Node(3, [Node(4), Node(None)])])
try:
    print(tree.total())
except TypeError:
    pass
def walk(n, depth=0):
    yield depth, n.val
    for c in n.children:
        yield from walk(c, depth + 1)
for d, v in walk(tree):
    print("  " * d + str(v))
data = {"a": [1, 2, {"b": (3, 4)}]}
print(data["a"][2]["b"][1])
print(data["a"][2]["c"][0])

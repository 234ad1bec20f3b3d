class Node:
    def __init__(self, child):
        self.child = child
    def depth(self):
        return 1 + self.child.depth()

def build(n):
    node = None
    for _ in range(n):
        node = Node(node)
    return node

def check(values):
    return [v["key"] for v in values]

try:
    build(3).depth()
except AttributeError as e:
    print("caught", e)

try:
    check([{"key": 1}, {}])
except KeyError as e:
    print("missing", e)

def level3(x):
    return x.upper() + x[10]

def level2(x):
    return level3(x) * 2

def level1():
    data = {"a": "text"}
    return level2(data["a"])

level1()

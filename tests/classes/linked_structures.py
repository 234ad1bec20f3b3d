# Linked list, binary search tree, and an LRU cache built on dict ordering.
class Node:
    __slots__ = ("value", "next")
    def __init__(self, value, next=None):
        self.value, self.next = value, next
class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self.size = 0
        for item in reversed(list(items)):
            self.push(item)
    def push(self, v):
        self.head = Node(v, self.head)
        self.size += 1
    def __iter__(self):
        node = self.head
        while node:
            yield node.value
            node = node.next
    def __len__(self):
        return self.size
    def __repr__(self):
        return "LinkedList([" + ", ".join(map(repr, self)) + "])"
    def reverse(self):
        prev, node = None, self.head
        while node:
            node.next, prev, node = prev, node, node.next
        self.head = prev
ll = LinkedList([1, 2, 3, "four"])
print(ll, len(ll), list(ll), 3 in ll)
ll.reverse()
print(ll)
class BST:
    def __init__(self):
        self.root = None
    def insert(self, key):
        def _ins(node):
            if node is None:
                return [key, None, None]
            if key < node[0]:
                node[1] = _ins(node[1])
            elif key > node[0]:
                node[2] = _ins(node[2])
            return node
        self.root = _ins(self.root)
    def inorder(self):
        def walk(node):
            if node:
                yield from walk(node[1])
                yield node[0]
                yield from walk(node[2])
        return list(walk(self.root))
    def height(self, node="root"):
        node = self.root if node == "root" else node
        return 0 if node is None else 1 + max(self.height(node[1]), self.height(node[2]))
t = BST()
for k in [50, 30, 70, 20, 40, 60, 80, 30, 65]:
    t.insert(k)
print(t.inorder(), t.height())
class LRU:
    def __init__(self, cap):
        self.cap, self.data = cap, {}
    def get(self, k):
        if k not in self.data:
            return None
        v = self.data.pop(k)
        self.data[k] = v
        return v
    def put(self, k, v):
        self.data.pop(k, None)
        self.data[k] = v
        if len(self.data) > self.cap:
            oldest = next(iter(self.data))
            del self.data[oldest]
c = LRU(2)
c.put("a", 1); c.put("b", 2); c.get("a"); c.put("c", 3)
print(list(c.data.items()), c.get("b"), c.get("a"))
n = Node(1)
try:
    n.other = 2
except AttributeError as e:
    print("AttributeError:", e)

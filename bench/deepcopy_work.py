# deepcopy of nested structures: dicts, lists, tuples, instances with
# attributes and shared references (the memo keeps sharing intact).
import copy


class Node:
    def __init__(self, value, children):
        self.value = value
        self.children = children
        self.meta = {"v": value, "tags": ("a", "b")}


def build(depth, value):
    if depth == 0:
        return Node(value, [])
    return Node(value, [build(depth - 1, value * 3 + k) for k in range(3)])


shared = [1, 2, 3]
data = {"tree": build(6, 1), "lists": [[i, shared, (i, str(i))] for i in range(2000)], "shared": shared}
total = 0
for _ in range(4):
    clone = copy.deepcopy(data)
    total += clone["tree"].children[2].children[1].value
    assert clone["lists"][5][1] is clone["shared"]
    assert clone["shared"] is not shared
print(total, len(clone["lists"]), clone["tree"].meta)

# How deep each kind of recursion gets before RecursionError, and the
# message it carries: the levels builtin calls count (or not) toward the
# limit follow CPython 3.11 (only paths whose count does not depend on
# CPython's specialization warm-up: builtin functions count while their call
# site is unspecialized).
import sys

def measure(label, start):
    global depth
    depth = 0
    try:
        start()
    except RecursionError as e:
        print(f"{label:28} {depth:3} {e}")

def through_list_map(x):
    global depth
    depth += 1
    return list(map(through_list_map, [x]))

def through_tuple_genexp(x):
    global depth
    depth += 1
    return tuple(through_tuple_genexp(y) for y in [x])

def through_dict_call(x):
    global depth
    depth += 1
    return dict(a=through_dict_call(x))

class Node:
    def __init__(self, n):
        global depth
        depth += 1
        self.child = Node(n + 1)

class Wrapped(list):
    pass

def through_subclass_call(x):
    global depth
    depth += 1
    return Wrapped(map(through_subclass_call, [x]))

def through_filter(x):
    global depth
    depth += 1
    return list(filter(through_filter, [x]))

def through_enumerate(x):
    global depth
    depth += 1
    return [through_enumerate(v) for i, v in enumerate([x])]

def gen_chain(x):
    global depth
    depth += 1
    yield from gen_chain(x)

def through_type_call(x):
    global depth
    depth += 1
    return type(through_type_call(x))

for limit in (51, 120):
    sys.setrecursionlimit(limit)
    print("limit", limit)
    measure("list(map(f))", lambda: through_list_map(1))
    measure("tuple(genexp)", lambda: through_tuple_genexp(1))
    measure("dict(a=f())", lambda: through_dict_call(1))
    measure("class __init__", lambda: Node(0))
    measure("list subclass(map)", lambda: through_subclass_call(1))
    measure("list(filter(f))", lambda: through_filter(1))
    measure("enumerate in listcomp", lambda: through_enumerate(1))
    measure("yield from", lambda: list(gen_chain(1)))
    measure("type(f())", lambda: through_type_call(1))

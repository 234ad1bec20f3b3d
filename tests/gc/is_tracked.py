# gc.is_tracked follows CPython's rules: atomic values are never tracked,
# tuples of atomic values stop being tracked at a collection, dicts are
# tracked once they hold a container.
import gc

gc.disable()


class C:
    pass


def f():
    pass


cases = [
    ("int", 1),
    ("big int", 10**40),
    ("float", 1.5),
    ("str", "abc"),
    ("bytes", b"xy"),
    ("None", None),
    ("True", True),
    ("empty list", []),
    ("list", [1, 2]),
    ("empty dict", {}),
    ("dict of ints", {1: 2, "a": "b"}),
    ("dict with list value", {"a": []}),
    ("dict with tuple key", {tuple([1, 2]): 3}),
    ("set", {1, 2}),
    ("frozenset", frozenset([1])),
    ("instance", C()),
    ("class", C),
    ("function", f),
    ("bound method", C().__init__),
    ("builtin", len),
    ("range", range(3)),
    ("object()", object()),
    ("list iterator", iter([1])),
    ("module", gc),
    ("slice", slice(1, 2)),
]
for name, value in cases:
    print(name, gc.is_tracked(value))

t = tuple([1, 2, "x"])
nested = tuple([t, 3])
with_list = tuple([[], 1])
print("fresh tuples:", gc.is_tracked(t), gc.is_tracked(nested), gc.is_tracked(with_list))
gc.collect()
print("after collect:", gc.is_tracked(t), gc.is_tracked(nested), gc.is_tracked(with_list))

d = {}
print("empty dict:", gc.is_tracked(d))
d["k"] = 1
print("int value:", gc.is_tracked(d))
d["l"] = [1]
print("list value:", gc.is_tracked(d))

try:
    gc.is_tracked()
except TypeError as e:
    print(type(e).__name__, e)

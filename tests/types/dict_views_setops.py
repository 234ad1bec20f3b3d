# dict keys/items views as sets: comparisons, operators with any iterable, isdisjoint, mapping, reversed.
d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()

def show(label, f):
    try:
        r = f()
        if isinstance(r, (set, frozenset)):
            r = sorted(r, key=repr)
        print(label, "->", r)
    except Exception as e:
        print(label, "!", type(e).__name__, e)

# comparisons with sets, frozensets, views and non-sets
for other in [{"a", "b", "c"}, {"a", "b"}, {"a", "b", "c", "d"}, frozenset("abc"), {"x"}, set()]:
    print(sorted(other), k == other, k != other, k < other, k <= other, k > other, k >= other)
e = {"a": 9, "b": 9, "c": 9, "d": 9}
print(k < e.keys(), k <= e.keys(), e.keys() > k, e.keys() >= k, k == e.keys(), k == {"c": 0, "b": 0, "a": 0}.keys())
print(k == ["a", "b", "c"], k == ("a", "b", "c"), k != ["a"], k == d, v == v, v == d.values(), v != v)
show("k < list", lambda: k < ["a"])
show("k <= tuple", lambda: k <= ("a",))
show("values <", lambda: v < v)
print(it == {("a", 1), ("b", 2), ("c", 3)}, it <= {("a", 1), ("b", 2), ("c", 3), ("z", 0)}, it > {("a", 1)})
print(it == {"a": 1, "b": 2, "c": 3}.items(), it == {"a": 1, "b": 2, "c": 4}.items(), it < it, it <= it)

# operators: the view may be on either side; the other side may be any iterable
show("k & set", lambda: k & {"a", "z"})
show("set & k", lambda: {"a", "z"} & k)
show("k & list", lambda: k & ["b", "q", "b"])
show("list & k", lambda: ["c", "q"] & k)
show("k & str", lambda: k & "abz")
show("k & gen", lambda: k & (x for x in "cz"))
show("k | list", lambda: k | ["z"])
show("list | k", lambda: ["z"] | k)
show("k - tuple", lambda: k - ("a",))
show("tuple - k", lambda: ("a", "q") - k)
show("k ^ list", lambda: k ^ ["a", "q"])
show("list ^ k", lambda: ["a", "q"] ^ k)
show("k & int", lambda: k & 1)
show("k | int", lambda: k | 1)
show("k - None", lambda: k - None)
show("int ^ k", lambda: 1 ^ k)
show("k & unhashable", lambda: k & [[1]])
show("k & k", lambda: k & k)
show("k & bigger keys", lambda: k & e.keys())
show("k | e.keys()", lambda: k | e.keys())
show("it & set", lambda: it & {("a", 1), ("b", 3)})
show("it | list", lambda: it | [("z", 26)])
show("it - it2", lambda: it - {"a": 1, "b": 0}.items())
show("it ^ it2", lambda: it ^ {"a": 1, "b": 0, "q": 5}.items())
show("it ^ set", lambda: it ^ {("a", 1), ("q", 5)})
show("it & unhashable values", lambda: {"a": [1]}.items() & {"a": [1]}.items())
show("it == unhashable", lambda: {"a": [1]}.items() == {"a": [1]}.items())
show("values & set", lambda: v & {1})
print(type(k & k).__name__, type(k | []).__name__, type(it - []).__name__)

# isdisjoint
print(k.isdisjoint({"x"}), k.isdisjoint(["a"]), k.isdisjoint(""), k.isdisjoint(k), {}.keys().isdisjoint({}.keys()))
print(it.isdisjoint([("a", 1)]), it.isdisjoint([("a", 2)]), it.isdisjoint({"a": 1}.items()), it.isdisjoint(it))
show("isdisjoint int", lambda: k.isdisjoint(1))
show("isdisjoint no arg", lambda: k.isdisjoint())
print(hasattr(v, "isdisjoint"))

# mapping
m = k.mapping
print(type(m).__name__, m, m["a"], len(m), list(m), "b" in m, m.get("z", 0), m.get("a"))
print(v.mapping == d, it.mapping is not d, list(it.mapping.items()), m.copy() == d, m.copy() is d)
show("mapping setitem", lambda: m.__setitem__("x", 1))
show("mapping attr set", lambda: setattr(k, "mapping", {}))
d["z"] = 26
print(m["z"], k.mapping["z"])
del d["z"]

# membership
print("a" in k, "z" in k, ("a", 1) in it, ("a", 2) in it, ["a", 1] in it, ("a",) in it, 1 in v, 9 in v)
show("unhashable in keys", lambda: [1] in k)
show("unhashable key in items", lambda: ([1], 1) in it)

# reversed and live updates
print(list(reversed(k)), list(reversed(v)), list(reversed(it)))
print(len(k), len(v), len(it), bool({}.keys()), bool(k))
d2 = dict.fromkeys(range(5))
ks = d2.keys()
del d2[0]
d2[10] = 1
print(ks, ks & range(3, 20), sorted(ks ^ range(8)))
it2 = iter(ks)
next(it2)
d2[99] = 0
show("changed size", lambda: list(it2))

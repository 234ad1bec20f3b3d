# dict methods, views, ordering, errors.
d = {"b": 2, "a": 1}
d["c"] = 3
d.update({"d": 4}, e=5)
d.update([("f", 6)])
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, "z" not in d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("a"), d.pop("zz", "dflt"), d.popitem(), d.setdefault("g", 7), d.setdefault("b", 99), d)
k = d.keys()
d["h"] = 8
print(k, len(k), "h" in k, ("b", 2) in d.items(), list(reversed(d)), list(reversed(d.values())))
print(dict(a=1, b=2), dict([(1, 2)]), dict({"x": 1}, y=2), dict.fromkeys("ab"), dict.fromkeys([1, 2], 0))
print({**d, "b": 0}, d | {"z": 26}, {1: 1} == {1: 1.0}, {1: 2} != {1: 3})
e = dict(d)
e |= {"i": 9}
print(e, e.copy() == e, e.copy() is not e)
del e["i"]
print(e, sorted(e), sorted(e.items(), key=lambda kv: -kv[1]))
for bad in [lambda: d["nope"], lambda: {}.popitem(), lambda: d.pop("nope"), lambda: {[]: 1},
            lambda: dict([1, 2]), lambda: dict([(1, 2, 3)]), lambda: {}.fromkeys(1)]:
    try:
        bad()
    except Exception as ex:
        print(type(ex).__name__ + ":", ex)
try:
    for key in d:
        d[key + "x"] = 1
except RuntimeError as ex:
    print("RuntimeError:", ex)
try:
    for key in d:
        del d[key]
except RuntimeError as ex:
    print("RuntimeError:", ex)
counts = {}
for w in "the cat and the hat and the bat".split():
    counts[w] = counts.get(w, 0) + 1
print(counts, max(counts, key=counts.get), {k: v for k, v in counts.items() if v > 1})
nested = {"a": {"b": {"c": 1}}}
print(nested["a"]["b"]["c"], nested, repr({}), str({1: "x"}), {1: [1, 2]})
r = {}
r["self"] = r
print(r, dict.__name__, type({}.keys()).__name__, type({}.items()).__name__)
print({1: "a", True: "b", 1.0: "c"}, {0: 0, -0.0: 1}, {(1, 2): 3}[1, 2])
dv = {"x": 1}.values()
print(dv, 1 in dv, list(iter(dv)))

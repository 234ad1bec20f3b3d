# dict views: .mapping proxies, views of dict subclasses, values views, reversed, repr and len.
class D(dict):
    pass

d = D(x=1, y=2)
k, v, i = d.keys(), d.values(), d.items()
print(type(k).__name__, type(v).__name__, type(i).__name__, k, v, i)
print(k.mapping, type(k.mapping).__name__, k.mapping == d, k.mapping == {"x": 1, "y": 2}, k.mapping != {})
m = i.mapping
print(m["x"], m.get("q", "none"), len(m), sorted(m), list(m.keys()), list(m.values()), list(m.items()))
print("x" in m, "q" in m, repr(m), str(m))
try:
    m["q"]
except KeyError as e:
    print("KeyError", e)
try:
    m["new"] = 1
except TypeError as e:
    print("TypeError", e)
try:
    del m["x"]
except TypeError as e:
    print("TypeError on deletion")
c = m.copy()
print(c, type(c).__name__, c is d)

# views are live
d["z"] = 3
print(k, len(v), list(i)[-1], m["z"])
del d["x"]
print(list(k), list(reversed(v)), list(reversed(i)))
r = reversed(k)
print(next(r), list(r), next(r, "exhausted"))

# values views: no set operations, identity equality
try:
    v & v
except TypeError as e:
    print("TypeError", e)
try:
    v | {1}
except TypeError as e:
    print("TypeError", e)
print(v == v, v == d.values(), v != d.values(), 2 in v, 99 in v)
try:
    v < v
except TypeError as e:
    print("TypeError", e)

# views of an empty dict and nested views in repr
e = {}
print(e.keys(), e.values(), e.items(), e.keys() == set(), e.items() <= set(), e.keys().isdisjoint([]))
nest = {"k": {}.keys()}
print(nest, {1: nest.items()}.values())
rec = {}
rec["self"] = rec.values()
print(rec)

# views hash and iterate
try:
    hash(k)
except TypeError as e:
    print("TypeError", e)
it = iter(i)
print(next(it), type(it).__name__, it.__length_hint__())
print(sorted(k | d.keys()), sorted(i & {("y", 2)}), k - k, i ^ i)

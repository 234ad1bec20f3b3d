# _collections.defaultdict: a dict subclass with __missing__.
from _collections import defaultdict

d = defaultdict(list)
d["a"].append(1)
d["a"].append(2)
d["b"]
print(d, d.default_factory, isinstance(d, dict), len(d), "c" in d, d.get("c"), "c" in d)
print(defaultdict(None, {1: 2}), defaultdict(int, a=1), defaultdict(), defaultdict(None))
counts = defaultdict(int)
for w in "the cat and the hat and the bat".split():
    counts[w] += 1
print(counts, sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

try:
    defaultdict(None)[5]
except KeyError as e:
    print("KeyError", e)
try:
    defaultdict()["x"]
except KeyError as e:
    print("KeyError", e)
for bad in [lambda: defaultdict(5), lambda: defaultdict("x", {})]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)

c = d.copy()
print(c, type(c).__name__, c is d, c.default_factory is list)
c["z"].append(0)
print("z" in d, c)
d.default_factory = int
print(d["zz"], d)
d.default_factory = None
try:
    d["q"]
except KeyError as e:
    print("KeyError", e)
print(d.__reduce__()[:2])

print(defaultdict(int, {1: 1}) | {2: 2}, {0: 0} | defaultdict(int, {1: 1}), type({0: 0} | defaultdict(int)).__name__)
x = defaultdict(list, {1: [1]})
x |= {2: [2]}
print(x, type(x).__name__)
print(defaultdict(int) == {}, defaultdict(int, {1: 2}) == {1: 2})

nested = lambda: defaultdict(nested)
tree = nested()
tree["a"]["b"]["c"] = 1
tree["a"]["d"] = 2
def plain(t):
    return {k: plain(v) if isinstance(v, dict) else v for k, v in t.items()}
print(plain(tree))

# get() does not call the factory; setdefault and pop behave as for dict
calls = []
def factory():
    calls.append(1)
    return "made"
f = defaultdict(factory)
print(f.get("x"), f.setdefault("y", 5), f["z"], f.pop("z"), calls, dict(f), f.default_factory is factory)

class Sub(defaultdict):
    def __missing__(self, key):
        return key * 2

s = Sub(int)
print(s[4], s, type(s).__name__)

class Named(defaultdict):
    pass

n = Named(list)
n[1].append("x")
print(n, type(n.copy()).__name__)

r = defaultdict(list)
r.default_factory = r.copy
print(repr(defaultdict(lambda: 0))[:30].startswith("defaultdict(<function <lambda>"))
groups = defaultdict(set)
for name, team in [("ann", "red"), ("bob", "blue"), ("cy", "red")]:
    groups[team].add(name)
print(sorted((k, sorted(v)) for k, v in groups.items()))
for bad in [lambda: setattr(defaultdict(), "x", 1), lambda: defaultdict().y, lambda: vars(defaultdict())]:
    try:
        bad()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
sub = Named(int)
sub.note = "subclasses have a __dict__"
print(sub.note, sub.default_factory)

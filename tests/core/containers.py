l = [3, 1, 4, 1, 5, 9, 2, 6]
l.append(5)
l.extend([3, 5])
l.insert(0, 0)
print(l, len(l), l.count(1), l.index(4))
l.remove(1)
print(l.pop(), l.pop(0), l)
l.sort()
print(l)
l.sort(reverse=True)
print(l)
l.reverse()
print(l, sorted(l, key=lambda v: -v), sorted(["bb", "a", "ccc"], key=len))
print(l[1:4], l[::3], l[-2:], l[10:20])
l[1:3] = ["x", "y", "z"]
print(l)
del l[0]
del l[1:3]
print(l)
l[::2] = [0] * len(l[::2])
print(l)
m = [[1, 2], [3, 4]]
m[0][1] = 20
print(m, [row[1] for row in m], [x * y for x in range(3) for y in range(3) if x != y])
print([1, 2] == [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, 2) == (1, 2), (1, "a") < (1, "b"))
print(list(range(5)), list(range(2, 10, 3)), list(range(10, 0, -3)), range(5)[2], len(range(0, 10, 3)), 4 in range(5))
print(range(10)[2:8:2], list(range(10)[::-1][:3]), range(3) == range(0, 3))
t = (1, 2, 3)
print(t, t[1], t[-1], t[1:], len(t), t + (4,), t * 2, 2 in t, t.index(3), t.count(1), () , (1,))
d = {"one": 1, "two": 2}
d["three"] = 3
d.update({"four": 4}, five=5)
print(d, len(d), d.get("two"), d.get("nine"), d.get("nine", 9), "one" in d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("one"), d.setdefault("six", 6), d.setdefault("two", 0), d.popitem(), d)
del d["two"]
print(d, {k: v * 2 for k, v in d.items()}, dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict.fromkeys("ab", 0))
print({1: "a", 1.0: "b", True: "c"}, {(1, 2): 3}[(1, 2)], {} == {}, {"a": 1} == {"a": 1.0})
print(d.keys(), d.values(), d.items(), {**d, "z": 26}, d | {"w": 0})
e = {}
for word in "the quick the lazy the end".split():
    e[word] = e.get(word, 0) + 1
print(e, sorted(e.items(), key=lambda kv: (-kv[1], kv[0])))
for i, (k, v) in enumerate(sorted(e.items())):
    print(i, k, v)
print(list(zip("abc", [1, 2, 3], (True, False, None))), list(map(lambda x: x * x, range(4))), list(filter(None, [0, 1, "", "a"])))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(enumerate("xy", 5)), any([0, 0, 1]), all([]), all([1, 0]))
nested = [1, [2, [3, [4]]]]
print(nested, nested[1][1][1][0])
rec = [1]
rec.append(rec)
print(rec)
dd = {"a": None}
dd["self"] = dd
print(dd)
it = iter([10, 20])
print(next(it), next(it), next(it, "done"))
print([*range(3), *"ab"], (*[1, 2], 3), {**{"a": 1}, "b": 2})

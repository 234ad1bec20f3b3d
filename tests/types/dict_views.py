# dict views as sets: &, |, -, ^, comparisons, isdisjoint, live updates.
d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k & {"a", "z"}, sorted(k | {"z"}), sorted(k - {"a"}), sorted(k ^ {"a", "q"}))
print(it & {("a", 1), ("b", 0)}, sorted(it - {("a", 1)}), k == {"a", "b", "c"}, k <= {"a", "b", "c", "d"}, k < k)
print(k.isdisjoint({"x"}), k.isdisjoint(["a"]), {"a": 1}.keys() == {"a": 2}.keys(), {"a": 1}.items() == {"a": 2}.items())
d["d"] = 4
print(k, v, it, len(k), list(v), sorted(k & d.keys()))
print(type(k & k).__name__, {"b", "a"} & k == {"a", "b"}, ["a", "q"] - k if False else sorted({"a", "q"} - k))
print(k.mapping if hasattr(k, "mapping") else "", v == v, (1, 2) in {1: 2}.items(), [1] in {1: 2}.keys() if False else 1 in {1: 2}.keys())

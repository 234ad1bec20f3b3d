# startswith/endswith compare long prefixes at memory speed (a per-code-point
# compare of a 10^6-char prefix 7000 times takes over a minute here).
n = 1_000_000
s = "a" * n
t = "a" * n
hits = 0
for i in range(7_000):
    hits += s.startswith(t) + s.endswith(t[1:])
print(hits)

# All widths and mixed widths, with start/end, tuples and errors.
words = ["", "a", "ab", "\u00e9", "a\u00e9", "\u4e00", "\u4e00\U0001f600", "\U0001f600", "b\u4e00"]
hay = ["", "ab", "a\u00e9b", "\u4e00\U0001f600x", "ab\u4e00", "\U0001f600\U0001f600", "a\u00e9\u4e00\U0001f600"]
out = []
for h in hay:
    for w in words:
        for a, b in [(0, None), (1, None), (-2, None), (0, -1), (1, 3), (5, 2), (10, 20)]:
            out.append((h.startswith(w, a, b), h.endswith(w, a, b)))
        out.append(h.startswith((w, "zz")))
        out.append(h.endswith(("zz", w), 1))
print(out)
try:
    "abc".startswith(["a"])
except TypeError as e:
    print(type(e).__name__, e)
try:
    "abc".endswith(("a", 1))
except TypeError as e:
    print(type(e).__name__, e)

# Dict and set work: word counting, grouping, set algebra, dict
# comprehensions, membership tests, deletion and re-insertion.
def words(n):
    seed = 12345
    out = []
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        out.append("w%d" % (seed % 5000))
    return out


ws = words(300000)
counts = {}
for w in ws:
    counts[w] = counts.get(w, 0) + 1
groups = {}
for w, c in counts.items():
    groups.setdefault(c % 17, []).append(w)
evens = {w for w in counts if int(w[1:]) % 2 == 0}
threes = {w for w in counts if int(w[1:]) % 3 == 0}
both = evens & threes
either = evens | threes
only = evens ^ threes
inverse = {v: k for k, v in counts.items()}
hits = 0
for i in range(200000):
    if "w%d" % (i % 7000) in counts:
        hits += 1
for w in list(counts)[:2000]:
    del counts[w]
for i in range(2000):
    counts["x%d" % i] = i
print(len(counts), len(groups), len(both), len(either), len(only), len(inverse), hits, sum(counts.values()))

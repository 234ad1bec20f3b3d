# List operations in realistic data munging: dedupe keeping order, chunk, rotate, flatten, transpose, running sums.
data = [3, 1, 3, 2, 1, 5, 2]
seen = set()
dedup = [x for x in data if not (x in seen or seen.add(x))]
print(dedup, list(dict.fromkeys(data)))
def rotate(l, k):
    k %= len(l)
    return l[-k:] + l[:-k]
print(rotate([1, 2, 3, 4, 5], 2), rotate([1, 2, 3], -1), rotate([1], 10))
running = []
total = 0
for x in data:
    total += x
    running.append(total)
print(running, running[-1] == sum(data))
print([data[i:i + 3] for i in range(0, len(data), 3)], list(zip(*[iter(data[:6])] * 2)))
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(r) for r in zip(*matrix)], [sum(col) for col in zip(*matrix)], [max(r) for r in matrix])
print(sorted(data, key=data.count), data.index(5), data[::-1].index(3), len(data) - 1 - data[::-1].index(3))
stack, queue = [], []
for x in range(4):
    stack.append(x)
    queue.append(x)
print(stack.pop(), stack.pop(), queue.pop(0), queue.pop(0), stack, queue)
l = [0] * 5
l[1:4] = range(3)
l[len(l):] = [9]
l[:0] = [-1]
print(l, l[-2::-2], l.index(9), l.count(0))
words = ["apple", "Banana", "cherry", "date"]
print([w for w in words if len(w) > 4], [w[0] for w in words], list(map(len, words)), [w.lower() for w in sorted(words, key=str.lower)])
a = [1, 2, 3]
b = a
a = a + [4]
print(a, b)
c = [1, 2, 3]
d = c
c += [4]
print(c, d, c is d)
nested = [[1, 2], [3]]
shallow = list(nested)
shallow[0].append(99)
shallow.append([7])
print(nested, shallow)
print([x for x in range(20) if x % 2 if x % 3], [(x, y) for x in range(3) for y in "ab" if x != 1])
e = []
e.extend(range(3)); e.extend("ab"); e.extend((None,)); e.extend({7: 0})
print(e, e.__len__(), e.__contains__("a"), [1, 2] * 2 + [3])

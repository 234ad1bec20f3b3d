# In-place operators across builtin types and fallbacks to binary operators; augmented assignment targets.
l = [1]
alias = l
l += [2]
l *= 2
print(l, alias is l)
t = (1,)
talias = t
t += (2,)
print(t, talias, t is talias)
s = "ab"
s += "c"
s *= 2
print(s)
d = {"a": 1}
d |= {"b": 2}
print(d)
st = {1}
st |= {2}
st -= {1}
print(st)
n = 10
n -= 3; n *= 4; n //= 3; n %= 5; n **= 3; n <<= 2; n >>= 1; n |= 1; n &= 0xFF; n ^= 0b101
print(n)
f = 1.5
f /= 2; f += 1; f **= 2
print(f)
class Box:
    def __init__(self, v):
        self.v = v
obj = Box([1])
obj.v += [2]
obj.v[0] += 10
print(obj.v)
grid = [[0, 0], [0, 0]]
grid[1][0] += 5
print(grid)
counts = {}
for ch in "abca":
    counts[ch] = counts.get(ch, 0) + 1
    counts.setdefault("total", 0)
    counts["total"] += 1
print(counts)
class Logged:
    def __init__(self):
        self.data = {}
    def __getitem__(self, k):
        print("get", k)
        return self.data.get(k, 0)
    def __setitem__(self, k, v):
        print("set", k, v)
        self.data[k] = v
lg = Logged()
lg["x"] += 5
class Imm:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return Imm(self.v + o)
    def __repr__(self):
        return f"Imm({self.v})"
i = Imm(1)
j = i
i += 5
print(i, j, i is j)
tl = ([],)
try:
    tl[0] += [1]
except TypeError as e:
    print("TypeError:", e, tl)
x = [1, 2]
try:
    x += 5
except TypeError as e:
    print("TypeError:", e)
y = 5
try:
    y += "s"
except TypeError as e:
    print("TypeError:", e)

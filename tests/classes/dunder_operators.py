# Operator dunders: reflected, in-place, NotImplemented fallbacks, comparisons.
class V:
    def __init__(self, *c):
        self.c = c
    def __repr__(self):
        return f"V{self.c}"
    def __add__(self, o):
        if isinstance(o, V):
            return V(*(a + b for a, b in zip(self.c, o.c)))
        if isinstance(o, (int, float)):
            return V(*(a + o for a in self.c))
        return NotImplemented
    __radd__ = __add__
    def __mul__(self, k):
        return V(*(a * k for a in self.c)) if isinstance(k, (int, float)) else NotImplemented
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return V(*(-a for a in self.c))
    def __abs__(self):
        return sum(a * a for a in self.c) ** 0.5
    def __eq__(self, o):
        return isinstance(o, V) and self.c == o.c
    def __lt__(self, o):
        return abs(self) < abs(o)
    def __matmul__(self, o):
        return sum(a * b for a, b in zip(self.c, o.c))
    def __getitem__(self, i):
        return self.c[i]
    def __len__(self):
        return len(self.c)
    def __invert__(self):
        return V(*reversed(self.c))
a, b = V(1, 2), V(3, 4)
print(a + b, a + 1, 1 + a, a * 3, 2 * a, -a, abs(b), a @ b, a == V(1, 2), a != b, a < b, b > a, ~a, a[0], len(a))
print(sorted([b, a, V(0, 1)]), sum([a, b], V(0, 0)), max(a, b))
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, x):
        self.items.append(x)
        return self
    def __repr__(self):
        return f"Acc({self.items})"
acc = Acc()
ref = acc
acc += 1
acc += 2
print(acc, ref is acc)
class OnlyAdd:
    def __add__(self, o):
        return "add"
x = OnlyAdd()
x += 5
print(x)
for expr in [lambda: a + "s", lambda: "s" + a, lambda: a * a, lambda: a < 5, lambda: a - b, lambda: a ** 2, lambda: a / 2]:
    try:
        print(expr())
    except TypeError as e:
        print("TypeError:", e)
class R:
    def __radd__(self, o):
        return f"radd({o})"
    def __rsub__(self, o):
        return f"rsub({o})"
    def __rpow__(self, o):
        return f"rpow({o})"
    def __rfloordiv__(self, o):
        return "rfloordiv"
print(1 + R(), [1] + R(), 5 - R(), 2 ** R(), 7 // R())
class Sub(V):
    def __radd__(self, o):
        return "Sub.radd wins"
print(V(1) + Sub(1))
class Cmp:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        print("eq called")
        return NotImplemented
print(Cmp(1) == Cmp(1), Cmp(1) != 3)
class Shift:
    def __lshift__(self, n): return f"<<{n}"
    def __rrshift__(self, n): return f"{n}>>"
    def __and__(self, o): return "and"
    def __ror__(self, o): return "ror"
    def __xor__(self, o): return "xor"
    def __mod__(self, o): return f"mod {o}"
    def __divmod__(self, o): return "divmod"
    def __pos__(self): return "pos"
print(Shift() << 2, 3 >> Shift(), Shift() & 1, 1 | Shift(), Shift() ^ 0, Shift() % 9, divmod(Shift(), 2), +Shift())

class Num:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"Num({self.v})"
    def __add__(self, o):
        if isinstance(o, Num):
            return Num(self.v + o.v)
        if isinstance(o, int):
            return Num(self.v + o)
        return NotImplemented
    def __radd__(self, o):
        return Num(o + self.v) if isinstance(o, int) else NotImplemented
    def __eq__(self, o):
        return isinstance(o, Num) and self.v == o.v
    __hash__ = None
class SubNum(Num):
    def __radd__(self, o):
        return "SubNum.__radd__ wins"
print(Num(1) + Num(2), Num(1) + 5, 5 + Num(1), sum([Num(1), Num(2)], Num(0)))
print(Num(1) + SubNum(2))
try:
    Num(1) + "x"
except TypeError as e:
    print(e)
try:
    "x" + Num(1)
except TypeError as e:
    print(e)
print(Num(1) == Num(1), Num(1) != Num(2), Num(1) == 1, 1 == Num(1))
try:
    hash(Num(1))
except TypeError as e:
    print(e)
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, o):
        self.items.append(o)
        return self
a = Acc()
b = a
a += 1
a += 2
print(a is b, a.items)
class OnlyAdd:
    def __add__(self, o):
        return "added"
x = OnlyAdd()
x += 1
print(x)
class Cmp:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self):
        return f"C{self.v}"
print(sorted([Cmp(3), Cmp(1), Cmp(2)]), Cmp(1) < Cmp(2), Cmp(2) > Cmp(1))
try:
    Cmp(1) <= Cmp(2)
except TypeError as e:
    print(e)
class Idx:
    def __index__(self):
        return 2
print([10, 20, 30][Idx()], "abc"[Idx()], range(10)[Idx()], hex(Idx()), bin(Idx()))
class Container:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(len(Container()), list(Container()), 20 in Container(), bool(Container()))
class Truthy:
    def __bool__(self):
        return False
print(not Truthy(), "yes" if Truthy() else "no")
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print(e)
print(divmod(-7, 2), -7 // 2, -7 % 2, 7 // -2, 2 ** -2, (-2) ** 2, -2 ** 2, 10 / 3, 10 // 3.0)
print(0.1 + 0.2 == 0.3, 1e300 * 1e300, -1e300 * 1e300, 5 % 0.3, -5 % 0.3, round(0.5), round(1.5), round(-2.5))
print(int("  12  "), int("0b101", 0), int("0o17", 0), int("0x_ff", 0), float("1e3"), float(" nan ") != float("nan"))
print(3 == 3.0, 2 ** 63 == float(2 ** 63), 2 ** 53 + 1 == float(2 ** 53 + 1), 10 ** 20 < 1e21, -(10 ** 400) < -1e308)
print(True & 3, True | False, True ^ True, ~0, -(-5), +True, abs(True), int(True), float(False), str(True), repr(False))
print(max(1, 2.5), min(-1, -1.0), sorted([3, 1.5, 2, True]), sum([0.1] * 10))
print(7 .bit_length(), (255).bit_length(), (-1).bit_length(), (3.5).as_integer_ratio(), (0.1).as_integer_ratio(), (2.0).is_integer())

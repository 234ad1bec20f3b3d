class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
def describe(v):
    match v:
        case 0 | 1:
            return "zero or one"
        case int(n) if n < 0:
            return f"negative {n}"
        case int() | float() as num:
            return f"number {num}"
        case "hello":
            return "greeting"
        case str(s):
            return f"string {s!r}"
        case [x, y]:
            return f"pair {x} {y}"
        case [first, *rest]:
            return f"list starting {first} then {rest}"
        case {"kind": "circle", "r": r}:
            return f"circle r={r}"
        case {"kind": k, **others}:
            return f"kind {k} others {others}"
        case Point(x=0, y=0):
            return "origin"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point(x, y):
            return f"point {x},{y}"
        case (a, b, c):
            return f"triple {a}{b}{c}"
        case None:
            return "none"
        case _:
            return "other"
for v in [0, 1, -5, 7, 2.5, "hello", "abc", [1, 2], [1, 2, 3], (1, 2, 3), {"kind": "circle", "r": 2}, {"kind": "sq", "side": 3}, Point(0, 0), Point(2, 2), Point(1, 3), None, {1, 2}, True]:
    print(repr(v) if not isinstance(v, Point) else "Point", "->", describe(v))
class NotAType:
    pass
try:
    match 5:
        case NotAType.__init__():
            pass
except TypeError as e:
    print("TypeError:", e)
class TooMany:
    __match_args__ = ("a",)
    a = 1
try:
    match TooMany():
        case TooMany(x, y):
            pass
except TypeError as e:
    print("TypeError:", e)
match [1, [2, 3]]:
    case [a, [b, c]]:
        print("nested", a, b, c)
match {"x": {"y": 1}}:
    case {"x": {"y": val}}:
        print("deep", val)

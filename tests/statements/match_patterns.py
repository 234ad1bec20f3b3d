# match: every pattern kind.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
def describe(v):
    match v:
        case 0 | 1 as small:
            return f"small {small}"
        case None:
            return "none"
        case True:
            return "true?"
        case "hello":
            return "greeting"
        case -5:
            return "minus five"
        case 2.5:
            return "float"
        case int(n) if n > 100:
            return f"big int {n}"
        case int():
            return "int"
        case str() as s:
            return f"str {s!r}"
        case []:
            return "empty list"
        case [x]:
            return f"one {x}"
        case [x, y, *rest]:
            return f"seq {x} {y} rest={rest}"
        case {"type": "user", "name": name, **extra}:
            return f"user {name} extra={extra}"
        case {"k": _}:
            return "has k"
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return f"on y axis {y}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "point"
        case (1, 2) | (2, 1):
            return "pair"
        case _:
            return "other"
for v in [0, 1, None, True, "hello", -5, 2.5, 500, 7, "abc", [], [9], [1, 2, 3, 4], (5, 6),
          {"type": "user", "name": "ann", "age": 3}, {"k": 1, "z": 2}, Point(0, 0), Point(0, 3),
          Point(2, 2), Point(1, 2), {"x"}, 3.5, "", b"xy"]:
    print(repr(v) if not isinstance(v, Point) else "Point", "->", describe(v))
class Color:
    RED = "red"
    BLUE = "blue"
def color(c):
    match c:
        case Color.RED:
            return "is red"
        case Color.BLUE:
            return "is blue"
    return "unknown"
print(color("red"), color("blue"), color("green"))
match [1, [2, 3]]:
    case [a, [b, c]]:
        print(a + b + c)
match {"a": 1}:
    case {"a": 1, "b": 2}:
        print("no")
    case {"a": x} if x > 5:
        print("no")
    case {"a": x}:
        print("a is", x)
match "abc":
    case [*_]:
        print("str is not a sequence pattern")
    case _:
        print("str skipped")
class NoArgs:
    pass
try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print("TypeError:", e)
match 42:
    case int(x):
        print("self-match", x)

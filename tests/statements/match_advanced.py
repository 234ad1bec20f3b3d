# match: commands, nested class patterns, guards and mappings in an interpreter loop.
from_stack = []
def run(program):
    stack = []
    out = []
    for instr in program:
        match instr.split():
            case ["push", value]:
                stack.append(int(value))
            case ["pop"]:
                stack.pop()
            case ["add" | "mul" as op]:
                b, a = stack.pop(), stack.pop()
                stack.append(a + b if op == "add" else a * b)
            case ["dup", *rest] if not rest:
                stack.append(stack[-1])
            case ["print"]:
                out.append(stack[-1])
            case [cmd, *args]:
                out.append(f"unknown {cmd} {args}")
            case []:
                out.append("blank")
    return out
print(run(["push 2", "push 3", "add", "dup", "mul", "print", "jump 4 5", "", "print"]))
class Expr: pass
class Num(Expr):
    __match_args__ = ("v",)
    def __init__(self, v): self.v = v
class Add(Expr):
    __match_args__ = ("l", "r")
    def __init__(self, l, r): self.l, self.r = l, r
class Mul(Expr):
    __match_args__ = ("l", "r")
    def __init__(self, l, r): self.l, self.r = l, r
def simplify(e):
    match e:
        case Add(Num(0), x) | Add(x, Num(0)):
            return simplify(x)
        case Mul(Num(1), x) | Mul(x, Num(1)):
            return simplify(x)
        case Mul(Num(0), _) | Mul(_, Num(0)):
            return Num(0)
        case Add(l, r):
            return Add(simplify(l), simplify(r))
        case Mul(l, r):
            return Mul(simplify(l), simplify(r))
        case _:
            return e
def show(e):
    match e:
        case Num(v): return str(v)
        case Add(l, r): return f"({show(l)} + {show(r)})"
        case Mul(l, r): return f"{show(l)} * {show(r)}"
print(show(simplify(Add(Mul(Num(1), Num(7)), Add(Num(0), Mul(Num(3), Num(0)))))))
def config(c):
    match c:
        case {"mode": "fast", "threads": int(n)} if n > 4:
            return f"fast x{n}"
        case {"mode": "fast"}:
            return "fast"
        case {"mode": str(m), **rest} if rest:
            return f"{m} with {sorted(rest)}"
        case {"mode": m}:
            return f"mode {m!r}"
        case {}:
            return "empty-ish"
print([config(c) for c in [{"mode": "fast", "threads": 8}, {"mode": "fast", "threads": 2}, {"mode": "slow", "a": 1, "b": 2}, {"mode": 3}, {"other": 1}]])
def point_kind(p):
    match p:
        case (0, 0): return "origin"
        case (x, 0) | (0, x): return f"axis {x}"
        case (x, y) if x == y: return "diag"
        case (float() | int(), float() | int()): return "plane"
        case _: return "?"
print([point_kind(p) for p in [(0, 0), (3, 0), (0, -2), (4, 4), (1.5, 2), ("a", 1), [0, 0]]])
match 3.0:
    case 3:
        print("3.0 matches literal 3")
match True:
    case 1:
        print("True matches 1")
match 1:
    case True:
        print("no")
    case _:
        print("1 does not match True")

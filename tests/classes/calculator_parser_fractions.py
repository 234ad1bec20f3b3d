import re
import math
from fractions import Fraction
from decimal import Decimal, getcontext, InvalidOperation, DivisionByZero

class CalcError(Exception):
    pass

class ParseError(CalcError):
    def __init__(self, msg, pos):
        super().__init__(f"{msg} at position {pos}")
        self.pos = pos

TOKEN = re.compile(r"\s*(?:(?P<num>\d+(?:\.\d*)?(?:[eE][-+]?\d+)?)|(?P<name>[A-Za-z_]\w*)|(?P<op>\*\*|[-+*/%^(),=]))")

def tokenize(src):
    pos = 0
    out = []
    while pos < len(src):
        if src[pos:].isspace():
            break
        m = TOKEN.match(src, pos)
        if not m:
            raise ParseError(f"unexpected character {src[pos]!r}", pos)
        kind = m.lastgroup
        out.append((kind, m.group(kind), m.start(kind)))
        pos = m.end()
    out.append(("eof", None, len(src)))
    return out

class Parser:
    def __init__(self, src, env):
        self.toks = tokenize(src)
        self.i = 0
        self.env = env
    def peek(self):
        return self.toks[self.i]
    def next(self):
        t = self.toks[self.i]
        self.i += 1
        return t
    def expect(self, val):
        k, v, p = self.next()
        if v != val:
            raise ParseError(f"expected {val!r}, got {v!r}", p)
    def statement(self):
        if self.peek()[0] == "name" and self.toks[self.i + 1][1] == "=":
            name = self.next()[1]
            self.next()
            val = self.expr()
            self.env[name] = val
            return val
        v = self.expr()
        if self.peek()[0] != "eof":
            raise ParseError("trailing input", self.peek()[2])
        return v
    def expr(self):
        v = self.term()
        while self.peek()[1] in ("+", "-"):
            op = self.next()[1]
            r = self.term()
            v = v + r if op == "+" else v - r
        return v
    def term(self):
        v = self.factor()
        while self.peek()[1] in ("*", "/", "%"):
            op = self.next()[1]
            r = self.factor()
            if op == "*":
                v *= r
            elif op == "/":
                if r == 0:
                    raise CalcError("division by zero")
                v /= r
            else:
                v %= r
        return v
    def factor(self):
        if self.peek()[1] == "-":
            self.next()
            return -self.factor()
        base = self.atom()
        if self.peek()[1] in ("**", "^"):
            self.next()
            return base ** self.factor()
        return base
    def atom(self):
        k, v, p = self.next()
        if k == "num":
            if "." in v or "e" in v.lower():
                return Fraction(v)
            return int(v)
        if k == "name":
            if self.peek()[1] == "(":
                self.next()
                args = [self.expr()]
                while self.peek()[1] == ",":
                    self.next()
                    args.append(self.expr())
                self.expect(")")
                fn = FUNCS.get(v)
                if fn is None:
                    raise CalcError(f"unknown function {v}")
                return fn(*args)
            try:
                return self.env[v]
            except KeyError:
                raise CalcError(f"undefined name {v!r}") from None
        if v == "(":
            e = self.expr()
            self.expect(")")
            return e
        raise ParseError(f"unexpected {v!r}", p)

FUNCS = {"sqrt": lambda x: Fraction(math.isqrt(x)) if isinstance(x, int) else math.sqrt(x),
         "max": max, "min": min, "gcd": math.gcd, "abs": abs}

env = {"pi": Fraction(355, 113)}
for line in ["1 + 2 * 3", "(1 + 2) * 3", "2 ** 3 ** 2", "-2 ^ 2", "7 / 2", "7 % 3", "x = 1.5 * 4", "x * x",
             "sqrt(144) + max(1, 2, 3)", "gcd(12, 18)", "1 / 0", "foo + 1", "2 +", "3 $ 4", "(1 + 2",
             "1 2", "nope(3)", "pi * 2", "0.1 + 0.2", "2 ** 100", "abs(-3.25e2)"]:
    try:
        r = Parser(line, env).statement()
        print(f"{line:<28} => {r!s:>30} {type(r).__name__}")
    except ParseError as e:
        print(f"{line:<28} !! {type(e).__name__}: {e} (pos={e.pos})")
    except CalcError as e:
        print(f"{line:<28} !! {type(e).__name__}: {e} cause={e.__cause__!r} ctx={type(e.__context__).__name__}")

getcontext().prec = 30
print(Decimal(1) / Decimal(7))
print(Decimal("1.10") + Decimal("2.205"), Decimal("3.14159").quantize(Decimal("0.01")))
print(Decimal(0.1), Decimal("1e-3").normalize(), Decimal("-0"), Decimal("NaN"), Decimal("inf") * -1)
for a, b in [("1", "0"), ("0", "0"), ("x", "1")]:
    try:
        print(Decimal(a) / Decimal(b))
    except Exception as e:
        # The message differs between _decimal (C) and _pydecimal: only the type here.
        print(type(e).__name__)
f = Fraction(3, 4)
print(f + Fraction(1, 3), f * 2, f ** -2, float(f), f.limit_denominator(1), round(Fraction(7, 2)), Fraction("2.5e-3"))
print(Fraction(1, 3) == 1/3, Fraction(1, 2) == 0.5, hash(Fraction(1, 2)) == hash(0.5), Fraction(-7, 3) // 2, divmod(Fraction(7), Fraction(2, 3)))
try:
    Fraction(1, 0)
except ZeroDivisionError as e:
    print(e)
print(format(Decimal("1234567.891"), ",.2f"), format(Decimal("0.000012345"), ".3e"))

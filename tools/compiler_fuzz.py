#!/usr/bin/env python3.11
"""Random programs for the compiler comparison: nested control flow (loops,
try/except/finally/except*, with, match, break/continue/return in every
position), comprehensions, closures and classes, boolean jump chains.

Usage: compiler_fuzz.py OUTDIR N [SEED]   writes N files OUTDIR/fuzz_<i>.py
that python3.11 accepts; then run tools/compiler_compare.py OUTDIR.
"""
import os
import random
import sys
import warnings

NAMES = ["a", "b", "c", "x", "y"]


class Gen:
    def __init__(self, rng):
        self.r = rng

    def name(self):
        return self.r.choice(NAMES)

    def atom(self):
        r = self.r.random()
        if r < 0.4:
            return self.name()
        if r < 0.6:
            return self.r.choice(["0", "1", "None", "True", "'s'", "2.5", "()", "(1, 2)"])
        if r < 0.7:
            return "f(%s)" % self.name()
        if r < 0.8:
            return "%s.attr" % self.name()
        return "%s[%s]" % (self.name(), self.r.choice(["0", "1:2", self.name()]))

    def expr(self, depth=0):
        if depth > 2 or self.r.random() < 0.35:
            return self.atom()
        k = self.r.randrange(12)
        e = lambda: self.expr(depth + 1)  # noqa: E731
        if k == 0:
            return "%s and %s" % (e(), e())
        if k == 1:
            return "%s or %s" % (e(), e())
        if k == 2:
            return "not %s" % e()
        if k == 3:
            return "%s < %s < %s" % (e(), e(), e())
        if k == 4:
            return "(%s if %s else %s)" % (e(), e(), e())
        if k == 5:
            return "[%s for %s in %s if %s]" % (e(), self.name(), e(), e())
        if k == 6:
            return "%s + %s * %s" % (e(), e(), e())
        if k == 7:
            return "%s is None" % e()
        if k == 8:
            return "%s in (%s, %s)" % (e(), e(), e())
        if k == 9:
            return "(lambda q: %s)(%s)" % (e(), e())
        if k == 10:
            return "{%s: %s for %s in %s}" % (e(), e(), self.name(), e())
        return "g(%s, k=%s)" % (e(), e())

    def block(self, depth, ctx):
        n = self.r.randint(1, 3)
        return [line for _ in range(n) for line in self.stmt(depth, ctx)]

    def indent(self, lines):
        return ["    " + l for l in lines]

    def stmt(self, depth, ctx):
        r = self.r.random()
        if depth > 3 or r < 0.3:
            return [self.simple(ctx)]
        k = self.r.randrange(13)
        if k == 11:
            return ["class C%d(B, metaclass=M):" % self.r.randrange(9), "    __p = 1",
                    "    def m(self, *a, **k):", "        return super().m(*a, **k) + self.__p",
                    "    @staticmethod", "    def s(x=%s):" % self.expr(), "        return __class__"]
        if k == 12:
            return ["%s = f'{%s!r:>{%s}} %s'" % (self.name(), self.expr(), self.name(), "{x}"),
                    "%s = [(w := %s) for %s in %s]" % (self.name(), self.expr(), self.name(), self.expr()),
                    "g(*%s, %s, *%s, k=1, **%s)" % (self.name(), self.expr(), self.name(), self.name())]
        if k == 0:
            out = ["if %s:" % self.expr()] + self.indent(self.block(depth + 1, ctx))
            if self.r.random() < 0.5:
                out += ["elif %s:" % self.expr()] + self.indent(self.block(depth + 1, ctx))
            if self.r.random() < 0.5:
                out += ["else:"] + self.indent(self.block(depth + 1, ctx))
            return out
        if k == 1:
            out = ["while %s:" % self.expr()] + self.indent(self.block(depth + 1, ctx | {"loop"}))
            if self.r.random() < 0.3:
                out += ["else:"] + self.indent(self.block(depth + 1, ctx))
            return out
        if k == 2:
            out = ["for %s in %s:" % (self.name(), self.expr())] + self.indent(self.block(depth + 1, ctx | {"loop"}))
            if self.r.random() < 0.3:
                out += ["else:"] + self.indent(self.block(depth + 1, ctx))
            return out
        if k == 3:
            out = ["try:"] + self.indent(self.block(depth + 1, ctx))
            for _ in range(self.r.randint(0, 2)):
                h = self.r.choice(["except E:", "except E as e:", "except (E, F):"])
                out += [h] + self.indent(self.block(depth + 1, ctx))
            if self.r.random() < 0.3 and len(out) > 2:
                out += ["else:"] + self.indent(self.block(depth + 1, ctx))
            if self.r.random() < 0.5 or not any(l.startswith("except") for l in out):
                out += ["finally:"] + self.indent(self.block(depth + 1, ctx))
            return out
        if k == 4 and "exceptstar" not in ctx:
            out = ["try:"] + self.indent(self.block(depth + 1, ctx))
            for _ in range(self.r.randint(1, 2)):
                h = self.r.choice(["except* E:", "except* E as eg:"])
                inner = ctx | {"exceptstar"}
                inner.discard("loop")
                inner.discard("func")
                out += [h] + self.indent(self.block(depth + 1, inner))
            if self.r.random() < 0.3:
                out += ["finally:"] + self.indent(self.block(depth + 1, ctx))
            return out
        if k == 5:
            return ["with %s as %s, %s:" % (self.expr(), self.name(), self.expr())] + self.indent(self.block(depth + 1, ctx))
        if k == 6:
            out = ["match %s:" % self.expr()]
            pats = ["case 1 | 2:", "case [p, *q]:", "case {'k': p}:", "case P(x=p):", "case (p, q) | [q, p]:",
                    "case str() as p if p:", "case None:", "case _:"]
            for p in self.r.sample(pats, self.r.randint(1, 4)):
                out += self.indent([p] + self.indent(self.block(depth + 1, ctx)))
            return out
        if k == 7 and "func" not in ctx:
            out = ["def fn%d(a, b=1, *c, **d):" % self.r.randrange(100)]
            return out + self.indent(self.block(depth + 1, {"func"}))
        if k == 8:
            out = ["class K%d:" % self.r.randrange(100)]
            return out + self.indent(self.block(depth + 1, set()))
        if k == 10 and "func" not in ctx:
            out = ["async def afn%d(a, *, k=1):" % self.r.randrange(100)]
            body = self.block(depth + 1, {"func", "async"})
            extra = self.r.choice([
                ["async for %s in %s:" % (self.name(), self.expr()), "    %s" % self.simple({"func"})],
                ["async with %s as %s:" % (self.expr(), self.name()), "    %s" % self.simple({"func"})],
                ["%s = await %s" % (self.name(), self.expr())],
                ["%s = [q async for q in %s if await q]" % (self.name(), self.expr())],
            ])
            return out + self.indent(body + extra)
        if k == 9 and "func" in ctx:
            return ["def inner():", "    nonlocal %s" % self.r.choice(["a", "b"]), "    %s = %s" % (self.r.choice(["a", "b"]), self.expr()),
                    "    return %s" % self.expr()]
        return [self.simple(ctx)]

    def simple(self, ctx):
        opts = ["%s = %s" % (self.name(), self.expr()), "%s += %s" % (self.name(), self.expr()), "f(%s)" % self.expr(),
                "%s, %s = %s, %s" % (self.name(), self.name(), self.expr(), self.expr()), "pass",
                "assert %s, %s" % (self.expr(), self.expr()), "del %s" % self.name(), "raise E(%s)" % self.expr()]
        if "loop" in ctx:
            opts += ["break", "continue"] * 2
        if "func" in ctx:
            opts += ["return %s" % self.expr(), "return"]
            if "async" in ctx:
                opts += ["await %s" % self.expr()]
            else:
                opts += ["yield %s" % self.expr(), "x = yield from %s" % self.expr()]
        return self.r.choice(opts)


def main():
    outdir, n = sys.argv[1], int(sys.argv[2])
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    rng = random.Random(seed)
    os.makedirs(outdir, exist_ok=True)
    made = 0
    while made < n:
        g = Gen(rng)
        body = ["def f(a, b):"] + g.indent(g.block(1, {"func"})) + g.block(0, set())
        src = "\n".join(body) + "\n"
        try:
            compile(src, "fuzz", "exec")
        except SyntaxError:
            continue
        with open(os.path.join(outdir, "fuzz_%d.py" % made), "w") as f:
            f.write(src)
        made += 1


if __name__ == "__main__":
    warnings.simplefilter("ignore")
    main()

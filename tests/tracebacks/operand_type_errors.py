# "unsupported operand type(s)" messages for every binary operator, the
# in-place forms, comparisons, unary operators, and ** with a modulus.
import operator

ops = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@"]
for op in ops:
    for a, b in ((1, "s"), ([], 1.5), (None, None), ({}, ()), (b"b", 2j)):
        try:
            eval(f"a {op} b")
        except TypeError as e:
            print(op, e)
        try:
            x = a
            exec(f"x {op}= b")
        except TypeError as e:
            print(op + "=", e)
for cmp in ("<", "<=", ">", ">="):
    for a, b in ((1, "s"), ([], ()), (None, 1), (1j, 2j)):
        try:
            eval(f"a {cmp} b")
        except TypeError as e:
            print(cmp, e)
for uop in ("-", "+", "~"):
    for a in ("s", [], None, 1.5):
        try:
            eval(f"{uop}a")
        except TypeError as e:
            print(uop, e)
try:
    pow(2, 3, 1.5)
except TypeError as e:
    print(e)
try:
    pow("a", 2, 3)
except TypeError as e:
    print(e)
try:
    operator.add(1, [])
except TypeError as e:
    print(e)
try:
    "a" * 2.5
except TypeError as e:
    print(e)
try:
    [1] * "3"
except TypeError as e:
    print(e)
try:
    "%d" % "x"
except TypeError as e:
    print(e)
try:
    "%s %s" % (1,)
except TypeError as e:
    print(e)
try:
    "%s" % (1, 2)
except TypeError as e:
    print(e)
divmod(1, "2")

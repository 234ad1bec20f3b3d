x = a and b or c and not d
y = a < b < c
z = a is not b, a not in b, not (a is b), not (a in b)
w = -a, +a, ~a, a ** b ** c, (a + b) * c / d // e % f @ g
v = a << 1 >> 2 & 3 | 4 ^ 5
u = [1, 2, 3], (1, 2, 3), {1, 2, 3}, {"a": 1, "b": 2}, {**d, "c": 3}, {1: 2, **e}
t = [*a, *b], (*a, 1), {*a, 2}
s = f"{a} {b!r:>10} {c!s} {d!a} {e:{f}}" f"plain"
r = "%s and %r" % (a, b), "%d" % (a,), "%5.2s" % (a,), "%-3s|" % (x,)
q = a[1], a[1:2], a[::2], a[1:2, ::3], a[...]
p = [i for i in range(3) if i if i > 0], {i for i in a}, {k: v for k, v in a}, (i for i in a)
o = [x for a in b for x in a], [y for y in [f(x)]]
n = (x := 5), [z := 1 for _ in a]
m = 1 + 2 * 3 - 4, 2 ** 10, 10 / 4, 7 // 2, -7 % 3, 1 << 10, "ab" * 3, (1, 2) * 2, b"x" + b"y"
l = 1.5 * 2, 3j * 2, 1 / 0, 2 ** -1, "abc"[1], (1, 2, 3)[-1], b"abc"[0]
k = not 1, ~5, -(-3), +True, 2 ** 200, "x" * 5000
j = __debug__, ..., None, True, False
i = 0.0, -0.0, 1e309, -1e309, 1e309 - 1e309
h = a.b.c.d(), a(1)(2), (lambda: 1)(), a.b(c).d
g = x if (y and z) else w
ff = 1 if a < b < c else 2
ee = [1, 2, 3, 4][0], (a, b)[0]
dd = a in [1, 2, 3], a in {1, 2, 3}, a not in (b, c)
cc = print(*range(40))
bb = {str(i): i for i in range(50)}
aa = [0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,a]
ab = {"k0": a, "k1": a, "k2": a, "k3": a, "k4": a, "k5": a, "k6": a, "k7": a, "k8": a, "k9": a, "k10": a, "k11": a, "k12": a, "k13": a, "k14": a, "k15": a, "k16": a}
ac = f(a0=1, a1=1, a2=1, a3=1, a4=1, a5=1, a6=1, a7=1, a8=1, a9=1, a10=1, a11=1, a12=1, a13=1, a14=1, a15=1, a16=1)
ad = (yield_ := 3)
ae = (
    a
    .b
    .c()
)

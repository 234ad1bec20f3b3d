# math's integer functions: factorial, comb, perm, gcd, lcm, isqrt, prod, fsum, dist, hypot.
import math

def show(label, f):
    try:
        r = f()
        print(label, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

for n in [0, 1, 5, 20, 21, 100, True]:
    show(f"factorial({n})", lambda: math.factorial(n))
print(len(str(math.factorial(1000))), math.factorial(3000) % (10 ** 9 + 7), math.factorial(20000).bit_length())
for bad in [-1, 5.0, 5.5, "5", 10 ** 20, -10 ** 20, None]:
    show(f"factorial({bad!r})", lambda: math.factorial(bad))
for n, k in [(5, 2), (10, 0), (10, 10), (10, 11), (0, 0), (100, 50), (10 ** 20, 3), (60, 30), (52, 5), (True, 1)]:
    show(f"comb({n},{k})", lambda: math.comb(n, k))
    show(f"perm({n},{k})", lambda: math.perm(n, k))
show("perm1", lambda: math.perm(6))
show("perm None", lambda: math.perm(6, None))
for n, k in [(-1, 2), (5, -1), (5.0, 2), (5, 2.0), ("5", 1), (10 ** 30, 10 ** 29)]:
    show(f"comb({n!r},{k!r})", lambda: math.comb(n, k))
    show(f"perm({n!r},{k!r})", lambda: math.perm(n, k))
show("comb args", lambda: math.comb(5))
show("gcd", lambda: (math.gcd(), math.gcd(12), math.gcd(-12), math.gcd(12, 18), math.gcd(0, 0), math.gcd(-4, 6, 8)))
show("gcd big", lambda: math.gcd(2 ** 200 * 3, 2 ** 150 * 9))
show("gcd bad", lambda: math.gcd(1.5, 3))
show("lcm", lambda: (math.lcm(), math.lcm(4), math.lcm(-4, 6), math.lcm(4, 6, 10), math.lcm(0, 5), math.lcm(5, 0, 3)))
show("lcm big", lambda: math.lcm(2 ** 100, 3 ** 60))
show("lcm bad", lambda: math.lcm("a"))
for n in [0, 1, 2, 3, 4, 15, 16, 17, 10 ** 30, 10 ** 30 - 1, 2 ** 127, True]:
    show(f"isqrt({n})", lambda: math.isqrt(n))
for bad in [-1, 2.0, "4"]:
    show(f"isqrt({bad!r})", lambda: math.isqrt(bad))
show("prod", lambda: (math.prod([]), math.prod([1, 2, 3, 4]), math.prod(range(1, 21)), math.prod([2.5, 4])))
show("prod start", lambda: math.prod([2, 3], start=10))
show("prod str", lambda: math.prod(["a", 3]))
show("prod start str", lambda: math.prod([3], start="ab"))
show("prod kw", lambda: math.prod(iterable=[1]))
show("prod big", lambda: math.prod([10 ** 20] * 5))
show("fsum", lambda: (math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50])))
show("fsum 2", lambda: math.fsum([1e-16, 1, 1e16]))
show("fsum empty", lambda: math.fsum([]))
show("fsum ints", lambda: math.fsum(range(10)))
show("fsum inf", lambda: math.fsum([1.0, float("inf")]))
show("fsum infs", lambda: math.fsum([float("inf"), float("-inf")]))
show("fsum nan", lambda: math.fsum([float("nan"), 1.0]))
show("fsum overflow", lambda: math.fsum([1e308, 1e308]))
show("fsum bad", lambda: math.fsum([1, "x"]))
show("fsum noiter", lambda: math.fsum(5))
show("hypot", lambda: (math.hypot(), math.hypot(3), math.hypot(-3), math.hypot(3, 4), math.hypot(1, 2, 3, 4, 5)))
show("hypot special", lambda: (math.hypot(float("inf"), float("nan")), math.hypot(float("nan"), 1), math.hypot(1e308, 1e308)))
show("hypot tiny", lambda: math.hypot(5e-324, 5e-324))
show("hypot precise", lambda: [math.hypot(*[0.1 * k for k in range(n)]) for n in range(2, 12)])
show("hypot bad", lambda: math.hypot("a"))
show("dist", lambda: (math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 5, 6]), math.dist((), ())))
show("dist gen", lambda: math.dist(iter([1, 2]), (3, 4)))
show("dist mismatch", lambda: math.dist((1, 2), (1, 2, 3)))
show("dist bad", lambda: math.dist((1, "a"), (1, 2)))
show("dist args", lambda: math.dist((1,)))

# cmath: every function on ordinary values, branch cuts, special values and errors.
import cmath

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

inf, nan = float("inf"), float("nan")
names = ["acos", "acosh", "asin", "asinh", "atan", "atanh", "cos", "cosh", "exp", "log", "log10", "sin", "sinh",
         "sqrt", "tan", "tanh", "phase", "polar", "isfinite", "isnan", "isinf"]
vals = [0j, complex(-0.0, 0.0), complex(0.0, -0.0), 1, -1, 2.5, 1j, -1j, 1 + 1j, -2 - 3j, 0.5 - 0.25j, 3 + 4j,
        complex(1e-300, 1e-300), complex(1e300, 1e300), complex(-1e308, 1), complex(1, 1e-320), complex(2, 0.0),
        complex(2, -0.0), complex(-2, 0.0), complex(-2, -0.0), complex(1.5, 0.0), complex(0.9, 0.1), 800 + 1j,
        -800 + 2j, complex(1, 800), complex(inf, 0), complex(-inf, 1), complex(1, inf), complex(inf, inf),
        complex(nan, 0), complex(0, nan), complex(inf, nan), complex(nan, -inf), complex(-inf, -inf), 710 + 0j]
for name in names:
    f = getattr(cmath, name)
    for v in vals:
        show(f"{name}({v!r})", lambda: f(v))
for a, b in [(1 + 1j, 2), (8, 2), (100, 10), (1j, 1j), (2, 0), (0, 2), (1, 1), (-1, 1j)]:
    show(f"log({a!r}, {b!r})", lambda: cmath.log(a, b))
for r, phi in [(1, 0), (2, cmath.pi / 2), (1, -0.0), (-1, 0.5), (inf, 1), (inf, 0), (1, inf), (0, inf),
               (nan, 1), (1, nan), (-inf, 2), (0.0, -0.0), (3, 1e300)]:
    show(f"rect({r!r}, {phi!r})", lambda: cmath.rect(r, phi))
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj)
show("isclose", lambda: (cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1j, 2j), cmath.isclose(1j, 1j)))
show("isclose tol", lambda: cmath.isclose(1, 1.1, rel_tol=0.2))
show("isclose abs", lambda: cmath.isclose(0, 1e-10j, abs_tol=1e-9))
show("isclose neg", lambda: cmath.isclose(1, 1, abs_tol=-1))
show("isclose inf", lambda: (cmath.isclose(complex(inf, 0), complex(inf, 0)), cmath.isclose(complex(inf, 0), 1)))
class C:
    def __complex__(self):
        return 3 + 4j
class F:
    def __float__(self):
        return 0.5
class Bad:
    def __complex__(self):
        return 1
show("complex obj", lambda: cmath.sqrt(C()))
show("float obj", lambda: cmath.acos(F()))
show("bad complex", lambda: cmath.exp(Bad()))
show("str", lambda: cmath.sin("1"))
show("none", lambda: cmath.phase(None))
show("args", lambda: cmath.sqrt())
show("args2", lambda: cmath.sqrt(1, 2))
show("log args", lambda: cmath.log())
show("rect args", lambda: cmath.rect(1))
show("big int", lambda: cmath.sqrt(10 ** 400))
show("sqrt -1", lambda: cmath.sqrt(-1))
show("polar big", lambda: cmath.polar(complex(1e308, 1e308)))

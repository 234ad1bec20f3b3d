# math: elementary functions, special values and CPython's error messages.
import math

def show(label, f):
    try:
        r = f()
        print(label, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

inf, nan = float("inf"), float("nan")
one_arg = ["acos", "acosh", "asin", "asinh", "atan", "atanh", "cbrt", "cos", "cosh", "exp", "exp2", "expm1",
           "fabs", "log1p", "sin", "sinh", "sqrt", "tan", "tanh", "erf", "erfc", "gamma", "lgamma", "degrees",
           "radians", "isfinite", "isinf", "isnan", "ceil", "floor", "trunc", "log", "log2", "log10", "frexp",
           "modf", "ulp"]
args = [0, 0.5, -0.5, 1, -1, 2, 10, -3.5, 1e-300, 710, 1e308, -1e308, inf, -inf, nan, 0.0, -0.0, True, 2 ** 60]
for name in one_arg:
    f = getattr(math, name)
    for a in args:
        show(f"{name}({a!r})", lambda: f(a))
for name in ["atan2", "copysign", "remainder", "fmod", "pow", "hypot", "nextafter", "ldexp", "isclose", "log"]:
    f = getattr(math, name)
    for a, b in [(1, 2), (-1, 2), (2, -1), (0, 0), (0.0, -0.0), (-0.0, 0.0), (inf, 1), (1, inf), (-inf, -inf),
                 (nan, 1), (1, nan), (5.5, 2), (-5.5, 2), (7, 2), (1e308, 10), (2, 1024), (0.0, -1), (-8, 1 / 3),
                 (3, 0.5), (10, 3), (1, 1), (100, 10)]:
        show(f"{name}({a!r}, {b!r})", lambda: f(a, b))
print(math.pi, math.e, math.tau, math.inf, math.nan, -math.inf)
for bad in ["1", None, [1], 1j]:
    show("sqrt bad", lambda: math.sqrt(bad))
class Fl:
    def __float__(self):
        return 2.0
class Ix:
    def __index__(self):
        return 9
class Rnd:
    def __floor__(self):
        return "floor!"
    def __ceil__(self):
        return "ceil!"
    def __trunc__(self):
        return "trunc!"
show("sqrt Fl", lambda: math.sqrt(Fl()))
show("sqrt Ix", lambda: math.sqrt(Ix()))
show("floor Rnd", lambda: math.floor(Rnd()))
show("ceil Rnd", lambda: math.ceil(Rnd()))
show("trunc Rnd", lambda: math.trunc(Rnd()))
show("trunc obj", lambda: math.trunc(object()))
show("floor Fl", lambda: math.floor(Fl()))
show("floor big", lambda: math.floor(10 ** 30))
show("ceil 1e300", lambda: math.ceil(1e300))
show("floor inf", lambda: math.floor(inf))
show("ceil nan", lambda: math.ceil(nan))
show("log big", lambda: math.log(10 ** 1000))
show("log2 big", lambda: math.log2(2 ** 5000))
show("log10 big", lambda: math.log10(10 ** 999))
show("log base", lambda: math.log(1024, 2))
show("log base1", lambda: math.log(10, 1))
show("log base0", lambda: math.log(10, 0))
show("log neg int", lambda: math.log(-10 ** 400))
show("log 0 int", lambda: math.log(0))
show("log args", lambda: math.log())
show("log args3", lambda: math.log(1, 2, 3))
show("ldexp bad", lambda: math.ldexp(1.0, 1.5))
show("ldexp huge", lambda: math.ldexp(1.0, 10 ** 30))
show("ldexp tiny", lambda: math.ldexp(1.0, -10 ** 30))
show("ldexp sub", lambda: math.ldexp(0.75, -1074))
show("ldexp sub2", lambda: math.ldexp(1.5, -1074))
show("isclose", lambda: math.isclose(1.0, 1.0 + 1e-10))
show("isclose tol", lambda: math.isclose(1.0, 1.1, rel_tol=0.2))
show("isclose abs", lambda: math.isclose(0.0, 1e-12, abs_tol=1e-11))
show("isclose neg", lambda: math.isclose(1, 1, rel_tol=-1))
show("isclose inf", lambda: math.isclose(inf, inf))
show("sqrt args", lambda: math.sqrt())
show("sqrt args2", lambda: math.sqrt(1, 2))
show("pow args", lambda: math.pow(1))
show("ulp max", lambda: math.ulp(1.7976931348623157e308))
show("nextafter", lambda: (math.nextafter(1.0, 2.0), math.nextafter(0.0, -1.0), math.nextafter(1.0, 1.0)))
show("frexp", lambda: [math.frexp(x) for x in [8.0, 0.1, -3, 5e-324, 1e308]])
show("modf", lambda: [math.modf(x) for x in [3.75, -3.75, -0.0, 1e20]])
show("degrees", lambda: (math.degrees(math.pi), math.radians(180)))

# complex arithmetic with int/float mixing, reflected operators, powers and errors.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

a = 3 + 4j
b = complex(1.5, -2)
for x, y in [(a, b), (a, 2), (2, a), (a, 0.5), (0.5, a), (True, a), (a, -1), (1j, 1j)]:
    show("add", lambda: x + y)
    show("sub", lambda: x - y)
    show("mul", lambda: x * y)
    show("div", lambda: x / y)
    show("pow", lambda: x ** y)

show("div0", lambda: a / 0)
show("div0j", lambda: a / 0j)
show("rdiv0", lambda: 1 / 0j)
show("floordiv", lambda: a // 2)
show("mod", lambda: a % 2)
show("divmod", lambda: divmod(a, 2))
show("pow0neg", lambda: 0j ** -1)
show("pow0cplx", lambda: 0j ** 1j)
show("pow00", lambda: 0j ** 0)
show("pow0pos", lambda: 0j ** 2.5)
show("powbig", lambda: (1e200 + 1e200j) ** 2)
show("powbig2", lambda: (10 + 10j) ** 400)
show("powfrac", lambda: (2 + 3j) ** 0.5)
show("powneg", lambda: (2 + 3j) ** -3)
show("powhuge", lambda: (1 + 1j) ** 101)
show("powcplx", lambda: (1 + 1j) ** (2 - 1j))
show("negfloatpow", lambda: (-8.0) ** (1 / 3))
show("negintpow", lambda: (-2) ** 0.5)
show("pow3", lambda: pow(2j, 2, 3))
show("intbig", lambda: (10 ** 400) + 1j)
show("abs", lambda: abs(3 - 4j))
show("absinf", lambda: abs(complex(float("inf"), float("nan"))))
show("absnan", lambda: abs(complex(1, float("nan"))))
show("absover", lambda: abs(complex(1e308, 1e308)))
show("neg", lambda: -complex(0.0, 0.0))
show("pos", lambda: +complex(-0.0, 1))
show("conj", lambda: (1 - 0j).conjugate())
print(a.real, a.imag, type(a.real).__name__, a.__getnewargs__(), a.__complex__())
print(a == 3 + 4j, a != 3 + 4j, 1 + 0j == 1, 1 + 0j == 1.0, 2j == 2, complex(2 ** 53 + 1, 0) == 2 ** 53 + 1)
print(1 == 1 + 0j, 1.5 == 1.5 + 0j, (1 + 0j) == True, a == "x", a == None)
print(hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5), hash(0j), hash(1j), hash(3 - 4j), hash(complex(-1, 0)))
print(hash(complex(1e300, 1e-300)), hash(complex(float("inf"), 1)), hash(complex(-2, 3.25)))
for op in ("<", "<=", ">", ">="):
    try:
        eval if False else None
        {"<": lambda: a < b, "<=": lambda: a <= b, ">": lambda: a > b, ">=": lambda: a >= b}[op]()
    except TypeError as e:
        print("TypeError", e)
print(bool(0j), bool(1j), bool(complex(0, -0.0)), bool(complex(float("nan"), 0)))
print(sum([1j, 2, 3.5, True]), sum([0.5j] * 4, 1j))
z = 1j
z += 2
z *= 1 - 1j
z /= 2
z **= 2
print(z)
class R:
    def __radd__(self, other):
        return ("radd", other)
    def __rmul__(self, other):
        return ("rmul", other)
print(1j + R(), 2j * R())
class C(complex):
    pass
c = C(1, 2)
print(type(c).__name__, type(c + 1).__name__, type(-c).__name__, type(+c).__name__, c, repr(c), c == 1 + 2j)
print(isinstance(1j, complex), issubclass(C, complex), complex.__name__, type(1j) is complex)
for bad in ("int", "float"):
    try:
        (int if bad == "int" else float)(a)
    except TypeError as e:
        print("TypeError", e)

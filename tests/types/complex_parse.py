# complex() construction: numbers, strings, special methods and every error message.
def show(*args, **kw):
    try:
        r = complex(*args, **kw)
        print(repr(r), type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e)

for s in ["1", "1j", "-1j", "+1J", "j", "-j", "+j", "1+j", "1-j", "2.5-3.5j", " ( 1+2j ) ", "(3j)", "1e3+1e-3j",
          "inf", "-infj", "nan+nanj", "infinity-infinityj", "1_000+2_000j", "0x10", "1+", "1+2", "(1+2j", "1+2j)",
          "1 + 2j", "", " ", "()", "j1", "1jj", "1__0", "_1", "1_", "1e", "1.e5j", ".5j", "5.", "\u0661+\u0662j",
          "\u3000 1j \u3000", "1\x00", "NaN", "+inf-nanj", "1e400", "1e400j", "--1", "1-+2j", "x"]:
    show(s)
show()
show(2)
show(2, 3)
show(1.5, -0.0)
show(real=1, imag=2)
show(imag=5)
show(1j, 1j)
show(1 + 2j, 3 + 4j)
show(1 + 2j, 3)
show(2, 1j)
show(True, False)
show(10 ** 20, 10 ** 20)
show(10 ** 400)
show("1", 2)
show(1, "2")
show([1])
show(1, [2])
show(None)
show(b"1")
show(1, 2, 3)
show(1, real=2)
show(foo=1)

class WithComplex:
    def __complex__(self):
        return 4 - 5j
class WithFloat:
    def __float__(self):
        return 2.25
class WithIndex:
    def __index__(self):
        return 7
class BadComplex:
    def __complex__(self):
        return 3
class BadFloat:
    def __float__(self):
        return "x"
class CSub(complex):
    pass
show(WithComplex())
show(WithFloat())
show(WithIndex())
show(WithFloat(), WithIndex())
show(WithComplex(), 1)
show(BadComplex())
show(BadFloat())
show(CSub(1, 2))
c = CSub("3+4j")
print(type(c).__name__, c, c.real, c.imag)
c2 = CSub(1, 2)
print(type(complex(c2)).__name__, complex(c2) == c2)
x = 1 + 1j
print(complex(x) is x)
print(1j, 1e5j, 1.5e-10j, 0j, 0J, 123456789j, 1e16j, 1_0j)

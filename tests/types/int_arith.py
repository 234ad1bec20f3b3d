# int arithmetic across the small/big boundary, shifts, pow, true division and rounding.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

edges = [0, 1, -1, 2 ** 47 - 1, 2 ** 47, -(2 ** 47), 2 ** 63 - 1, 2 ** 63, -(2 ** 63), 2 ** 64 + 1, 10 ** 25, -(10 ** 25)]
for a in edges:
    print(a, a + 1, a - 1, a * 3, -a, ~a, abs(a), a // 7, a % 7, a // -7, a % -7, a >> 3, a << 3, a & 0xFFFF, a | 1, a ^ -1)
show("pow", lambda: [2 ** 100, (-3) ** 41, 7 ** 0, 0 ** 0, (-1) ** (10 ** 20), 1 ** (10 ** 30), 0 ** (10 ** 30)])
show("pow neg", lambda: [2 ** -1, (-2) ** -3, 10 ** -20])
show("pow zero neg", lambda: 0 ** -1)
show("pow mod", lambda: [pow(3, 200, 1000), pow(-3, 201, 1000), pow(3, -1, 7), pow(2, 10, -7), pow(5, 0, 1)])
show("pow mod noinv", lambda: pow(2, -1, 4))
show("pow mod zero", lambda: pow(2, 3, 0))
show("pow mod float", lambda: pow(2.0, 3, 5))
show("shift neg", lambda: 1 << -1)
show("rshift neg", lambda: 1 >> -1)
show("rshift huge", lambda: (-(10 ** 30) >> 10 ** 20, (10 ** 30) >> 10 ** 20))
show("lshift zero huge", lambda: 0 << 10 ** 20)
show("lshift huge", lambda: 1 << 10 ** 20)
show("truediv", lambda: [1 / 3, 10 ** 30 / 3, -(10 ** 30) / 7, (2 ** 53 + 1) / 1, 10 ** 400 // 10 ** 399 / 3, 1 / 10 ** 400])
show("truediv big", lambda: 10 ** 400 / 3)
show("truediv zero", lambda: 1 / 0)
show("floordiv zero", lambda: 1 // 0)
show("mod zero", lambda: 1 % 0)
show("divmod zero", lambda: divmod(1, 0))
show("float conv", lambda: float(10 ** 400))
show("float add", lambda: 10 ** 400 + 1.0)
show("float cmp", lambda: (10 ** 400 > 1e308, 2 ** 53 + 1 == 2.0 ** 53, 2 ** 53 + 1 > 2.0 ** 53, -(10 ** 400) < float("-inf")))
show("round", lambda: [round(1234567, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(5, 2), round(10 ** 30 + 5, -1)])
show("hash", lambda: [hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)), hash(10 ** 30), hash(-1), hash(2 ** 64)])
show("bool ops", lambda: (True + True, True * 10, -True, ~False, True / 2, True // 1, True & 3, True | False, True ^ True))
show("int methods", lambda: ((10).real, (10).imag, (10).numerator, (10).denominator, (10).conjugate(), (-7).__abs__()))
show("index", lambda: (5).__index__())
show("trunc/floor/ceil", lambda: ((5).__trunc__(), (5).__floor__(), (5).__ceil__(), (5).__round__()))

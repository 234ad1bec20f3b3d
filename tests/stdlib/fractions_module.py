# fractions: construction, arithmetic, comparisons with other numbers, formatting.
from fractions import Fraction
from decimal import Decimal
import math

print(Fraction(3, 4) + Fraction(1, 6), Fraction('0.125'), Fraction('-3/9'), Fraction(' 7e-2 '))
print(Fraction(1.5), Fraction(0.1), Fraction(0.1).limit_denominator(100), Fraction(math.pi).limit_denominator(1000))
print(Fraction(Decimal('1.25')), Fraction(2, -4), Fraction(0, 5), Fraction(10))
print(repr(Fraction(1, 3)), str(Fraction(6, 3)), Fraction(1, 3).numerator, Fraction(2, 6).denominator)
a, b = Fraction(2, 3), Fraction(-5, 7)
print(a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b), a ** 2, a ** -2, abs(b), -a, +b)
print(a + 1, 1 - a, a * 2.0, 2 ** Fraction(1, 2), Fraction(4, 9) ** Fraction(1, 2), a + 1j)
print(a < b, a == Fraction(4, 6), a == 2 / 3, Fraction(1, 2) == 0.5, Fraction(1, 2) < 0.6, Fraction(5) == 5)
print(sorted([Fraction(1, 3), Fraction(1, 4), 0.3, 1, Fraction(-1, 2)]))
print(math.floor(Fraction(-7, 2)), math.ceil(Fraction(7, 2)), round(Fraction(5, 2)), round(Fraction(7, 2)), round(Fraction(22, 7), 3))
print(int(Fraction(-7, 2)), float(Fraction(1, 8)), bool(Fraction(0)), hash(Fraction(1, 2)) == hash(0.5), hash(Fraction(3)) == hash(3))
print(Fraction(3, 4).as_integer_ratio(), Fraction(5, 1).is_integer() if hasattr(Fraction, 'is_integer') else True)
print(Fraction.from_float(0.25), Fraction.from_decimal(Decimal('0.75')))
print(sum(Fraction(1, n) for n in range(1, 11)))
for args in [(1, 0), ('1/0',), ('abc',), (1.5, 2), (float('nan'),), (float('inf'),), ([],)]:
    try:
        print(Fraction(*args))
    except (ZeroDivisionError, ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
# Egyptian fractions by the greedy method.
def egyptian(fr):
    out = []
    while fr.numerator:
        d = -(-fr.denominator // fr.numerator)
        out.append(Fraction(1, d))
        fr -= Fraction(1, d)
    return out
print(egyptian(Fraction(7, 15)), egyptian(Fraction(5, 121))[:3])

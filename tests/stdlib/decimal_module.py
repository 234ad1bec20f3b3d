# decimal: arithmetic, contexts (held in a ContextVar), rounding, signals.
# Exception messages differ between CPython's _decimal and _pydecimal, so
# only exception types are printed.
import decimal
from decimal import (Decimal, Context, getcontext, setcontext, localcontext,
                     ROUND_HALF_UP, ROUND_DOWN, ROUND_CEILING, ROUND_HALF_EVEN,
                     InvalidOperation, DivisionByZero, Inexact, Rounded, Overflow)

print(Decimal('1.1') + Decimal('2.2'), Decimal(1) / Decimal(7))
print(Decimal('10') - Decimal('0.001'), Decimal('1.30') * Decimal('2'), Decimal(-7) // Decimal(2), Decimal(-7) % Decimal(2))
print(Decimal(0.1), Decimal('1e10'), Decimal('-0.0'), Decimal((0, (3, 1, 4), -2)))
print(repr(Decimal('1.50')), str(Decimal('1.50').normalize()), Decimal('123.456').as_tuple())
print(Decimal(2) ** 10, Decimal(2).sqrt(), Decimal(10).ln(), Decimal(100).log10(), Decimal(1).exp())
print(Decimal('3.14159').quantize(Decimal('0.01'), rounding=ROUND_HALF_UP))
print([str(Decimal(x).quantize(Decimal('1'), rounding=r)) for x in ('2.5', '-2.5', '3.5')
       for r in (ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_DOWN, ROUND_CEILING)])
print(round(Decimal('2.675'), 2), int(Decimal('-3.9')), float(Decimal('0.5')), Decimal('7.25').to_integral_value())
print(Decimal('NaN').is_nan(), Decimal('-0').is_signed(), Decimal('Infinity') > 10**100, Decimal('sNaN').is_snan())
print(sorted([Decimal('1.1'), Decimal('0.9'), Decimal('1.10'), Decimal(-2)]), max(Decimal(1), Decimal('1.0')))
print(Decimal('1.0') == Decimal(1), hash(Decimal('1.0')) == hash(1), Decimal('0.5') == 0.5, Decimal(1) < 2)
print(Decimal(1).compare(Decimal(2)), Decimal('12.34').adjusted(), Decimal('-5').copy_abs(), Decimal(5).copy_negate())
print(f"{Decimal('1234.5678'):,.2f}", f"{Decimal('0.000123'):e}", format(Decimal('42'), '>8'), f"{Decimal('1.5'):%}")

getcontext().prec = 10
print(Decimal(1) / Decimal(7), getcontext().prec)
with localcontext() as c:
    c.prec = 3
    print(Decimal(2).sqrt(), getcontext().prec)
    with localcontext(Context(prec=5, rounding=ROUND_DOWN)):
        print(Decimal(2) / 3, getcontext().rounding)
print(Decimal(2).sqrt(), getcontext().prec)

for expr in ("Decimal(1) / 0", "Decimal('abc')", "Decimal(0) / 0", "Decimal('1e999999') * 10"):
    try:
        print(eval(expr))
    except (DivisionByZero, InvalidOperation, Overflow) as e:
        print(expr, '->', type(e).__name__, isinstance(e, ArithmeticError))

ctx = Context(prec=6, traps=[])
print(ctx.divide(Decimal(1), Decimal(0)), bool(ctx.flags[DivisionByZero]), ctx.divide(1, 3))
print(bool(ctx.flags[Inexact]), bool(ctx.flags[Rounded]))
ctx.clear_flags()
print(bool(ctx.flags[Inexact]))  # _decimal holds bools, _pydecimal ints
ctx.traps[Inexact] = True
try:
    ctx.divide(1, 3)
except Inexact as e:
    print('trapped', type(e).__name__)

# setcontext is per context (a ContextVar underneath): a copied context keeps its own.
import contextvars
def worker():
    setcontext(Context(prec=4))
    return str(Decimal(1) / 7)
print(contextvars.copy_context().run(worker), Decimal(1) / 7)

# A money-like computation.
prices = [Decimal('19.99'), Decimal('5.01'), Decimal('0.10')]
total = sum(prices, Decimal(0))
tax = (total * Decimal('0.0825')).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)
print(total, tax, total + tax)

# PEP 657 markers under multi-character binary operators (**, //, <<, >>, @)
# with operands of different shapes; each error is printed by print_exc.
import sys
import traceback


def run(f, *args):
    try:
        f(*args)
    except Exception:
        traceback.print_exc(file=sys.stdout)


def power(a, b):
    return 1 + a ** b


def floordiv(a, b):
    return [a] and a // b


def shift_left(a, b):
    x = a << b
    return x


def shift_right(values, n):
    return values[0] >> values[n]


def matmul(m, n):
    return m @ n


def modulo_str(fmt, arg):
    return (fmt % arg) + "!"


run(power, "x", 2)
run(floordiv, 1, 0)
run(shift_left, 1, -1)
run(shift_right, [1, 2], 1.5)
run(matmul, [1], [2])
run(modulo_str, "%d", "s")
run(power, 0.0, -1)
x = 3
y = None
print(x ** y)

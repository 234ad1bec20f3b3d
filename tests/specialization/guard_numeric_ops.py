# BINARY_OP sites (one per operator) fed small ints, big ints, floats, mixes,
# bools, zero divisors, negative and huge shifts, NaN and infinities: the
# int and float forms and their guards against CPython's results and errors.
import math
def f(a, b):
    out = []
    for op in (lambda a, b: a & b, lambda a, b: a | b, lambda a, b: a ^ b, lambda a, b: a << b,
               lambda a, b: a >> b, lambda a, b: a // b, lambda a, b: a % b, lambda a, b: a / b,
               lambda a, b: a + b, lambda a, b: a - b, lambda a, b: a * b):
        try:
            out.append(op(a, b))
        except Exception as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out
cases = [(7, 3), (-7, 3), (7, -3), (0, -5), (2**46, 2), (-(2**47), 63), (5, 0), (1, 70), (3, -1),
         (1.5, 2), (2, 1.5), (1e308, 10), (-0.0, 3), (0, -2.5), (7.0, 0), (3, 0.0), (2**47, 0.5),
         (True, 3), (10**20, 3), (float("nan"), 1), (1, float("inf"))]
for _ in range(40):
    for a, b in cases:
        r = f(a, b)
for a, b in cases:
    print(a, b, f(a, b))

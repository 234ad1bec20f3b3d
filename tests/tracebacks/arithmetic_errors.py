# ZeroDivisionError, OverflowError and ValueError messages of arithmetic on
# ints, floats, complex numbers and the math module.
import math


def show(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", r)


show(lambda: 1 / 0)
show(lambda: 1 // 0)
show(lambda: 1 % 0)
show(lambda: divmod(1, 0))
show(lambda: 1.0 / 0)
show(lambda: 1.0 // 0.0)
show(lambda: 1.0 % 0.0)
show(lambda: divmod(1.0, 0.0))
show(lambda: 1j / 0)
show(lambda: 0.0 ** -1)
show(lambda: 0 ** -1)
show(lambda: pow(0, -1, 5))
show(lambda: pow(2, -1, 4))
show(lambda: pow(2, 3, 0))
show(lambda: 2.0 ** 10000)
show(lambda: 10 ** 10000 / 1)
show(lambda: float(10 ** 400))
show(lambda: math.exp(1000))
show(lambda: math.sqrt(-1))
show(lambda: math.log(0))
show(lambda: math.log(-1))
show(lambda: math.factorial(-1))
show(lambda: math.factorial(1.5))
show(lambda: 1 << -1)
show(lambda: 1 >> -1)
show(lambda: 1 << 10 ** 20)
show(lambda: int("9" * 5000))
show(lambda: str(10 ** 5000))
show(lambda: round(1.5, "x"))
show(lambda: round(float("inf")))
show(lambda: round(float("nan")))
show(lambda: (1.5).as_integer_ratio() and float("inf").as_integer_ratio())
show(lambda: float("nan").as_integer_ratio())
show(lambda: range(10 ** 30)[0:1] and len(range(10 ** 30)))
show(lambda: [0] * (10 ** 30))
show(lambda: "x" * -1)
show(lambda: chr(10 ** 20))
x = 7
print(x // (x - 7))

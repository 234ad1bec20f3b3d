# Markers when the operands of a failing binary operation are parenthesised,
# nested, or themselves binary operations.
import sys
import traceback


def run(f, *args):
    try:
        f(*args)
    except Exception:
        traceback.print_exc(file=sys.stdout)


def paren_left(a, b, c):
    return (a + b) / c


def paren_right(a, b, c):
    return a / (b - c)


def nested(a, b, c, d):
    return ((a * b) - (c / d)) + 1


def chained_adds(a, b, c):
    return a + b + c


def spaced(a, b):
    return (  a   -   b  )


def inner_call(a, b):
    return len(a) / (b or 0)


run(paren_left, 1, 2, 0)
run(paren_right, 1, 2, 2)
run(nested, 1, 2, 3, 0)
run(nested, 1, "2", 3, 4)
run(chained_adds, 1, 2, "3")
run(chained_adds, "1", 2, 3)
run(spaced, "a", 1)
run(inner_call, "abc", 0)
run(lambda: 1 + (2 * "x") + 3)
total = 0
items = [1, "two", 3]
for i in items:
    total = (total +
             i)

# "[Previous line repeated N more times]": exactly three identical lines are
# printed in full, more are collapsed; alternating frames are not identical.
import sys
import traceback


def rec(n):
    if n == 0:
        raise KeyError(n)
    rec(n - 1)


def a(n):
    if n == 0:
        raise IndexError(n)
    b(n - 1)


def b(n):
    a(n)


for depth in (2, 3, 4, 5, 25):
    try:
        rec(depth)
    except KeyError:
        print(f"depth {depth}")
        traceback.print_exc(file=sys.stdout)

try:
    a(6)
except IndexError:
    traceback.print_exc(file=sys.stdout)

try:
    rec(12)
except KeyError:
    traceback.print_exc(limit=5, file=sys.stdout)
    traceback.print_exc(limit=-4, file=sys.stdout)
    tb = sys.exc_info()[2]
    print(traceback.format_list(traceback.extract_tb(tb))[-1], end="")
    print(len(traceback.extract_tb(tb)))

rec(30)

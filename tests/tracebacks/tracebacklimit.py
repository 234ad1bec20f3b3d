# sys.tracebacklimit limits the uncaught traceback (0: only the exception
# line); it also affects traceback.print_exc when no limit is given.
import sys
import traceback


def a(n):
    if n == 0:
        raise ValueError("deep")
    a(n - 1)


sys.tracebacklimit = 2
try:
    a(5)
except ValueError:
    traceback.print_exc(file=sys.stdout)
sys.tracebacklimit = 0
try:
    a(1)
except ValueError:
    traceback.print_exc(file=sys.stdout)
sys.tracebacklimit = 3
a(6)

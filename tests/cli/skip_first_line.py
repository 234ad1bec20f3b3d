this first line is not Python and -x skips it
import sys
print("line", sys._getframe().f_lineno)
def fail():
    raise ValueError("line numbers are kept")
fail()

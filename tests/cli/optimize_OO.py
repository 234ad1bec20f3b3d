"""Module docstring removed under -OO."""
import sys
print(sys.flags.optimize, __debug__, __doc__)
def f():
    "function docstring"
    return 1
class C:
    "class docstring"
print(f.__doc__, C.__doc__)
import _opt_helper
print(_opt_helper.check(), vars(_opt_helper)['__doc__'])
try:
    assert False
    print("assert removed")
except AssertionError:
    print("assert kept")

# The names CPython's `__main__` starts with, in order, and what they hold.
names = list(globals())
print(names)
print(__annotations__, type(__cached__).__name__, __name__, __doc__, __package__, type(__builtins__).__name__)
x: int = 5
print(__annotations__)
import __main__
print(__main__.__dict__ is globals(), __main__.__annotations__)

# A leaf with a long recursive traceback inside a group: the repeat line is
# printed without the box margin, as CPython does.
import sys

sys.setrecursionlimit(100)


def deep(n):
    return deep(n + 1)


errors = []
try:
    deep(0)
except RecursionError as e:
    errors.append(e)
errors.append(ValueError("plain"))
raise ExceptionGroup("with recursion", errors)

# sys.excepthook deleted: CPython reports "sys.excepthook is missing" and
# then prints the exception itself.
import sys

del sys.excepthook
print("deleted")
raise KeyError("no hook")

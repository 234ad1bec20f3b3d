# SystemExit codes: the `code` attribute decides; a tuple code is printed.
import sys

for args in [(), (None,), (0,), (3,), ("msg",), (1, 2)]:
    e = SystemExit(*args)
    print(args, repr(e.code))
try:
    sys.exit(True)
except SystemExit as e:
    print("bool code", e.code)
e = SystemExit(4)
e.code = "changed to text"
raise e

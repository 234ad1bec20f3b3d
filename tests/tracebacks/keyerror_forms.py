# KeyError's str is the repr of its key (a tuple key, an empty string, a
# multi-arg KeyError), printed by the traceback module and uncaught.
import sys
import traceback

for args in [("k",), ("",), ((1, 2),), (), ("a", "b"), (None,), (KeyError("inner"),)]:
    e = KeyError(*args)
    print(repr(str(e)), repr(e))
    print(traceback.format_exception_only(e))
d = {(1, 2): "x"}
try:
    d[(3, 4)]
except KeyError:
    traceback.print_exc(file=sys.stdout)
d[1, "two"]

# print_exception/format_exception given classes and None, value-only calls,
# exceptions without traceback, and print_exc when nothing is being handled.
import sys
import traceback

traceback.print_exc(file=sys.stdout)
print(repr(traceback.format_exc()))
traceback.print_exception(ValueError("no tb"), file=sys.stdout)
traceback.print_exception(None, file=sys.stdout)
print(traceback.format_exception(None, None, None))
print(traceback.format_exception(KeyError, None, None))
print(traceback.format_exception(KeyError("k"), None, None))
print(traceback.format_exception_only(SyntaxError("plain syntax error")))
print(traceback.format_exception_only(SyntaxError("msg", ("f.py", 3, 5, "x = (1 +\n", 3, 6))))
print(traceback.format_exception_only(IndentationError("indent", ("f.py", 1, 1, "  x\n"))))
try:
    traceback.print_exception(ValueError, "not an exception", None, file=sys.stdout)
except Exception as e:
    print(type(e).__name__, e)
try:
    traceback.print_exception(ValueError("v"), ValueError("w"), file=sys.stdout)
except ValueError as e:
    print(type(e).__name__, e)

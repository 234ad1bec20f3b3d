# Compile-time errors of imported modules, as the import raises them.
for name in ("_bad_return", "_bad_null", "_bad_string", "_bad_indent"):
    try:
        __import__(name)
    except (SyntaxError, ValueError) as e:
        print(name, type(e).__name__, e.args[0], getattr(e, "lineno", None), getattr(e, "offset", None), repr(getattr(e, "text", None)))
import _latin1
print(_latin1.x, len(_latin1.x))

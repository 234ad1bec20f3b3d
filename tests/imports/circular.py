# Circular imports: partially initialised modules and CPython's message.
import _circ_a
print(_circ_a.A_LATE)
try:
    import _circ_c
except ImportError as e:
    print(str(e).replace(__file__.rsplit("/", 1)[0], "DIR"))
import sys
print("_circ_c" in sys.modules, "_circ_d" in sys.modules)
import _circ_attr
try:
    _circ_attr.NEVER
except AttributeError as e:
    print(e)

# An uncaught ModuleNotFoundError raised inside an imported module.
try:
    from _pkg import nothing_here
except ImportError as e:
    print(e.args)
import _nested_err

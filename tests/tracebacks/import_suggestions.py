# ImportError for `from m import name` with a misspelled name: the message,
# name/path attributes and the "Did you mean" suggestion; ModuleNotFoundError
# for missing modules.
import sys
import traceback

try:
    from _support.geometry import aera
except ImportError as e:
    print(type(e).__name__, e.name, e.path is not None)
    traceback.print_exc(file=sys.stdout)

try:
    from _support.geometry import RADIUS_DEFALT as r
except ImportError as e:
    traceback.print_exc(file=sys.stdout)

try:
    from _support.geometry import nothing_like_it_at_all
except ImportError as e:
    traceback.print_exc(file=sys.stdout)

try:
    import _support.no_such_module
except ModuleNotFoundError as e:
    print(type(e).__name__, e.name)
    traceback.print_exc(file=sys.stdout)

try:
    from sys import exc_inf
except ImportError as e:
    traceback.print_exc(file=sys.stdout)

try:
    import not_a_real_module_anywhere
except ImportError as e:
    print(repr(e), e.name, e.path)

from collections import ordereddict

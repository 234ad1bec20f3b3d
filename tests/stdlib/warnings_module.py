# warnings on pyrite: the native _warnings entry points hand over to
# warnings.py, whose text is CPython's.
import warnings, _warnings, sys

def old():
    warnings.warn("old() is deprecated", DeprecationWarning, stacklevel=2)
    return 1

warnings.simplefilter("always")
old()
warnings.warn("plain user warning")
_warnings.warn("from _warnings", RuntimeWarning)
def deeper():
    _warnings.warn("level two", UserWarning, 2)
deeper()
_warnings.warn_explicit("explicit", SyntaxWarning, "somefile.py", 12)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("recorded", FutureWarning)
    _warnings.warn("recorded too")
print([(w.category.__name__, str(w.message), w.lineno) for w in caught])
warnings.simplefilter("error")
try:
    _warnings.warn("now an error", ResourceWarning)
except ResourceWarning as e:
    print("raised", type(e).__name__, e)
warnings.resetwarnings()
warnings.simplefilter("once")
for i in range(3):
    warnings.warn("only once")
try:
    _warnings.warn(42, 42)
except TypeError as e:
    print(e)
try:
    _warnings.warn()
except TypeError as e:
    print(e)
print(warnings.formatwarning("msg", UserWarning, "f.py", 3, "line"))
warnings.simplefilter("ignore")
warnings.warn("ignored")
warnings.simplefilter("default")
import importlib
importlib.find_loader("os") if hasattr(importlib, "find_loader") else None

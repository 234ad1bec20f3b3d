# warnings over the native _warnings: the shared filter list, actions,
# registries, stacklevel, warn_explicit, the fallback printer, bad input.
import _warnings
import sys
import warnings

print(warnings.filters is _warnings.filters, warnings.warn is _warnings.warn)
print(warnings.defaultaction, warnings._warnings_defaults)
print([(a, m, c.__name__, mod, ln) for a, m, c, mod, ln in warnings.filters[-5:]])


def emit(msg, cat=UserWarning, level=1):
    warnings.warn(msg, cat, stacklevel=level)


def show(w):
    return [(str(x.message), x.category.__name__, x.filename.rsplit("/", 1)[-1], x.lineno) for x in w]


for action in ("default", "always", "once", "module", "ignore"):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter(action)
        for _ in range(3):
            emit("repeat " + action)
        emit("other " + action)
        warnings.warn("direct " + action)
        warnings.warn("direct " + action)
    print(action, show(w))

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    emit("level2", level=2)
    emit("level1", level=1)
    emit("level99", level=99)
    emit("level0", level=0)
    warnings.warn(UserWarning("instance"), DeprecationWarning)
    warnings.warn(DeprecationWarning("dep instance"))
    warnings.warn("custom", category=RuntimeWarning)
    warnings.warn_explicit("explicit", SyntaxWarning, "somefile.py", 42)
    warnings.warn_explicit("explicit mod", UserWarning, "f.py", 7, module="mymod")
    warnings.warn_explicit("dropped", UserWarning, "f.py", 7, None)
    warnings.warn_explicit(UserWarning("inst"), None, "g", 3, registry={})
print(show(w))

with warnings.catch_warnings(record=True) as w:
    warnings.filterwarnings("ignore", message="skip")
    warnings.filterwarnings("error", category=RuntimeWarning)
    warnings.filterwarnings("always", module="__main__")
    warnings.warn("skip me")
    warnings.warn("keep me")
    try:
        warnings.warn("boom", RuntimeWarning)
    except RuntimeWarning as e:
        print("raised", type(e).__name__, e)
    warnings.filterwarnings("ignore", lineno=sys._getframe().f_lineno + 1)
    warnings.warn("on ignored line")
    warnings.warn("not on it")
print(show(w))

reg = {}
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("default")
    for _ in range(2):
        warnings.warn_explicit("reg", UserWarning, "r.py", 1, registry=reg)
    print(len(w), sorted(k if isinstance(k, str) else (k[0], k[1].__name__, k[2]) for k in reg))
    warnings.simplefilter("default")
    warnings.warn_explicit("reg", UserWarning, "r.py", 1, registry=reg)
    print(len(w))

for bad in [(lambda: warnings.warn("x", 5)), (lambda: warnings.warn("x", int)), (lambda: warnings.warn("x", "str")),
            (lambda: warnings.warn_explicit("x", UserWarning, "f", 1, registry=[])),
            (lambda: warnings.warn_explicit("x", UserWarning, "f", 1, module_globals=[])),
            (lambda: warnings.warn_explicit("x", UserWarning, 5, 1)), (lambda: warnings.warn()),
            (lambda: warnings.warn("x", UserWarning, 1, None, 5))]:
    try:
        with warnings.catch_warnings(record=True):
            bad()
        print("no error")
    except TypeError as e:
        print("TypeError", e)

with warnings.catch_warnings():
    warnings.filters[:] = [("error", None, Warning, None, 0), "junk"]
    try:
        warnings.warn("hit first")
    except UserWarning as e:
        print("UserWarning", e)
    warnings.filters[:] = ["junk"]
    try:
        warnings.warn("bad item")
    except ValueError as e:
        print("ValueError", e)
    warnings.filters[:] = [("bogus", None, Warning, None, 0)]
    try:
        warnings.warn("bad action")
    except RuntimeError as e:
        print("RuntimeError", e)

with warnings.catch_warnings():
    warnings.simplefilter("always")
    show_fn = warnings._showwarnmsg
    del warnings._showwarnmsg
    try:
        sys.stderr = sys.stdout
        warnings.warn("printed by the fallback")
    finally:
        sys.stderr = sys.__stderr__
        warnings._showwarnmsg = show_fn

with warnings.catch_warnings():
    warnings.simplefilter("always")
    sys.stderr = sys.stdout
    warnings.warn("shown normally")
    warnings.warn_explicit("explicit shown", UserWarning, "nofile.py", 3)
    sys.stderr = sys.__stderr__
print(_warnings._filters_mutated(), type(_warnings._onceregistry).__name__, _warnings._defaultaction)

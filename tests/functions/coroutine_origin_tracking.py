# sys.set_coroutine_origin_tracking_depth, cr_origin, and the "never awaited"
# RuntimeWarning with and without "Coroutine created at" lines.
import gc
import sys
import warnings


async def corofn():
    pass


def here():
    return sys._getframe(1).f_lineno


def names(origin):
    return [(fn.rsplit("/", 1)[-1], line, name) for fn, line, name in origin]


print(sys.get_coroutine_origin_tracking_depth())
c = corofn()
print(c.cr_origin)
c.close()

sys.set_coroutine_origin_tracking_depth(1)
print(sys.get_coroutine_origin_tracking_depth())
line = here()
c = corofn()
print(names(c.cr_origin), line + 1)
c.close()


def nested():
    return corofn()


def outer():
    return nested()


sys.set_coroutine_origin_tracking_depth(2)
c = outer()
print(names(c.cr_origin))
c.close()

sys.set_coroutine_origin_tracking_depth(1000)
c = outer()
print(len(c.cr_origin), names(c.cr_origin)[-1])
c.close()

for bad in (-1, 1.5, "x", None):
    try:
        sys.set_coroutine_origin_tracking_depth(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(sys.get_coroutine_origin_tracking_depth())
try:
    sys.set_coroutine_origin_tracking_depth(depth=3)
    print("keyword ok", sys.get_coroutine_origin_tracking_depth())
except TypeError as e:
    print(type(e).__name__, e)


def check(depth):
    sys.set_coroutine_origin_tracking_depth(depth)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        outer()
        gc.collect()
    for m in w:
        print("---", m.category.__name__, m.lineno == here() - 4 or m.lineno)
        print(str(m.message).replace(__file__, "FILE"))
        print("source is coroutine:", type(m.source).__name__)


check(0)
check(1)
check(2)

# Unawaited coroutines reported by the default warning printer (stderr).
sys.set_coroutine_origin_tracking_depth(0)
warnings.simplefilter("default")


def drop_one():
    corofn()


drop_one()
sys.set_coroutine_origin_tracking_depth(2)
drop_one()
sys.set_coroutine_origin_tracking_depth(0)

# A broken warnings._warn_unawaited_coroutine is reported as unraisable; the
# plain warning is still issued.
seen = []
sys.unraisablehook = lambda u: seen.append((u.exc_type.__name__, type(u.object).__name__))
orig = warnings._warn_unawaited_coroutine
warnings._warn_unawaited_coroutine = lambda coro: 1 / 0
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    corofn()
    gc.collect()
print(seen, [str(m.message) for m in w])
del warnings._warn_unawaited_coroutine
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    corofn()
    gc.collect()
print([str(m.message) for m in w])
warnings._warn_unawaited_coroutine = orig

# Turned into an error: raised inside the finalizer, so reported as unraisable.
seen.clear()
with warnings.catch_warnings():
    warnings.simplefilter("error")
    corofn()
    gc.collect()
print(seen)
sys.unraisablehook = sys.__unraisablehook__

# frame.clear() on a never-started coroutine's frame is its finalizer: it warns.
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    c = corofn()
    c.cr_frame.clear()
    print([str(m.message) for m in w])
    c.close()

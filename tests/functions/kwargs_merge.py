# Keyword argument building: dict unpacking order, duplicates, non-string keys, and signature-driven dispatch.
def show(**kw):
    return list(kw.items())
base = {"a": 1, "b": 2}
print(show(**base), show(**base, c=3), show(c=3, **base), show(**base, **{"c": 4}))
try:
    show(**base, a=5)
except TypeError as e:
    print("TypeError:", e)
try:
    show(**base, **{"b": 9})
except TypeError as e:
    print("TypeError:", e)
def target(x, y=0, *, z=0):
    return x + y * 10 + z * 100
opts = {"y": 2, "z": 3}
print(target(1, **opts), target(**{"x": 5}), target(*[1, 2], **{"z": 1}))
def route(action, *args, **kwargs):
    handlers = {
        "sum": lambda *a, **k: sum(a) + sum(k.values()),
        "join": lambda *a, sep=",", **k: sep.join(map(str, a)),
        "count": lambda *a, **k: len(a) + len(k),
    }
    return handlers[action](*args, **kwargs)
print(route("sum", 1, 2, x=3), route("join", 1, 2, 3, sep="-"), route("join", "a"), route("count", 1, a=2, b=3))
class Conf:
    def __init__(self, **settings):
        for k, v in settings.items():
            setattr(self, k, v)
    def __repr__(self):
        return "Conf(" + ", ".join(f"{k}={v!r}" for k, v in sorted(vars(self).items())) + ")"
print(Conf(debug=True, level=3), Conf(**{"name": "x"}), Conf())
def defaults_chain(a, b=None, c=None):
    b = a if b is None else b
    c = b if c is None else c
    return a, b, c
print(defaults_chain(1), defaults_chain(1, 2), defaults_chain(1, c=9))
import sys
def fmt(*parts, sep=" ", end="", file=None):
    out = sep.join(map(str, parts)) + end
    if file is not None:
        file.write(out + "\n")
    return out
print(repr(fmt(1, 2, 3)), repr(fmt("a", sep="")), repr(fmt(end="!")))
fmt("to", "stdout", file=sys.stdout)

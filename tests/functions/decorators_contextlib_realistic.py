import functools, contextlib, time, inspect, itertools

def retry(times=3, exceptions=(ValueError,)):
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            last = None
            for attempt in range(1, times + 1):
                try:
                    return fn(*args, **kwargs)
                except exceptions as e:
                    last = e
                    print(f"  attempt {attempt} of {fn.__name__} failed: {e!r}")
            raise RuntimeError(f"{fn.__qualname__} gave up after {times}") from last
        wrapper.attempts = times
        return wrapper
    return deco

calls = itertools.count()
@retry(times=3)
def flaky(x):
    """Sometimes fails."""
    n = next(calls)
    if n % 4 != 3:
        raise ValueError(f"bad luck {n}")
    return x * 2

print(flaky(21), flaky.__name__, flaky.__doc__, flaky.attempts, flaky.__wrapped__.__name__, inspect.signature(flaky))
try:
    flaky(1); flaky(2)
except RuntimeError as e:
    print(type(e).__name__, e, "<-", repr(e.__cause__), e.__suppress_context__)

def typed(fn):
    sig = inspect.signature(fn)
    @functools.wraps(fn)
    def w(*a, **k):
        ba = sig.bind(*a, **k)
        ba.apply_defaults()
        for name, val in ba.arguments.items():
            ann = sig.parameters[name].annotation
            if ann is not inspect.Parameter.empty and not isinstance(val, ann):
                raise TypeError(f"{name} must be {ann.__name__}, got {type(val).__name__}")
        return fn(*a, **k)
    return w

@typed
def area(w: int, h: int = 2, *, unit: str = "m") -> str:
    return f"{w * h}{unit}²"
print(area(3), area(3, 4, unit="cm"), area.__annotations__)
for a, k in [((3.0,), {}), ((1, 2, 3), {}), ((), {}), ((1,), {"unit": 5}), ((1,), {"color": "red"})]:
    try:
        area(*a, **k)
    except TypeError as e:
        print("TypeError", e)

class Timer(contextlib.ContextDecorator):
    def __init__(self, label): self.label = label; self.events = []
    def __enter__(self):
        self.events.append("enter"); return self
    def __exit__(self, et, ev, tb):
        self.events.append(f"exit {et.__name__ if et else None}")
        return et is KeyError

t = Timer("x")
@t
def work(k):
    return {"a": 1}[k]
print(work("a"), work("b"), t.events)

@contextlib.contextmanager
def tag(name, out):
    out.append(f"<{name}>")
    try:
        yield name.upper()
    except ZeroDivisionError as e:
        out.append(f"!{e}")
    finally:
        out.append(f"</{name}>")

out = []
with tag("a", out) as A, tag("b", out) as B:
    out.append(A + B)
with tag("c", out):
    1 / 0
print(out)
try:
    with tag("d", out):
        raise KeyError("k")
except KeyError as e:
    print("escaped", e, out[-2:])
with contextlib.ExitStack() as st:
    for n in "xyz":
        st.enter_context(tag(n, out))
    st.callback(out.append, "cb")
print(out[-7:])
with contextlib.suppress(IndexError, KeyError):
    [][1]
print("suppressed")
buf = __import__("io").StringIO()
with contextlib.redirect_stdout(buf):
    print("hidden", end="!")
print(repr(buf.getvalue()))
@functools.singledispatch
def show(x): return f"obj {x!r}"
@show.register
def _(x: int): return f"int {x}"
@show.register(list)
def _(x): return "list " + ",".join(map(show, x))
print(show(1), show("s"), show([1, "a", [2]]), show(True), show.registry.keys() >= {int, list, object})
class P:
    def __init__(self, v): self.v = v
    @functools.cached_property
    def sq(self):
        print("computing"); return self.v ** 2
    @functools.singledispatchmethod
    def add(self, o): return NotImplemented
    @add.register
    def _(self, o: int): return P(self.v + o)
p = P(4)
print(p.sq, p.sq, p.__dict__, p.add(3).v, p.add("x"))
@functools.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(1), sorted([V(3), V(1)], key=functools.cmp_to_key(lambda a, b: a.v - b.v))[0].v)
part = functools.partial(int, base=2)
print(part("101"), part, functools.reduce(lambda a, b: a * b, range(1, 10)), functools.reduce(lambda a, b: a + b, [], 0))
try:
    functools.reduce(lambda a, b: a, [])
except TypeError as e:
    print(e)

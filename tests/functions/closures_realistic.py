# Closures as objects: memoization with stats, rate counters, event emitters, accumulators.
def memoize(fn):
    cache = {}
    stats = {"hits": 0, "misses": 0}
    def wrapper(*args):
        if args in cache:
            stats["hits"] += 1
        else:
            stats["misses"] += 1
            cache[args] = fn(*args)
        return cache[args]
    wrapper.stats = stats
    wrapper.clear = cache.clear
    return wrapper
@memoize
def paths(r, c):
    if r == 0 or c == 0:
        return 1
    return paths(r - 1, c) + paths(r, c - 1)
print(paths(10, 10), paths.stats)
paths.clear()
print(paths(2, 2), paths.stats)
def emitter():
    handlers = {}
    def on(event, fn):
        handlers.setdefault(event, []).append(fn)
    def emit(event, *args):
        return [h(*args) for h in handlers.get(event, [])]
    return on, emit
on, emit = emitter()
on("greet", lambda n: f"hi {n}")
on("greet", lambda n: f"hello {n}")
on("add", lambda a, b: a + b)
print(emit("greet", "ann"), emit("add", 2, 3), emit("none"))
def make_accumulators():
    total = 0
    history = []
    def add(x):
        nonlocal total
        total += x
        history.append(total)
        return total
    def undo():
        nonlocal total
        history.pop()
        total = history[-1] if history else 0
        return total
    return add, undo, lambda: list(history)
add, undo, hist = make_accumulators()
add(5); add(10); add(-3)
print(hist(), undo(), undo(), hist(), add(1))
def counter_factory(start=0, step=1):
    value = start - step
    def nxt():
        nonlocal value
        value += step
        return value
    return nxt
c1, c2 = counter_factory(), counter_factory(100, -10)
print([c1() for _ in range(3)], [c2() for _ in range(3)], c1())
def cells():
    a = 1
    b = [2]
    def show():
        return a, b
    return show
fn = cells()
print([type(c.cell_contents).__name__ for c in fn.__closure__], fn.__code__.co_freevars, fn())
def late():
    fns = {}
    for name in ["x", "y"]:
        fns[name] = lambda: name
    return {k: f() for k, f in fns.items()}
print(late())

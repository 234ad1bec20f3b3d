# Assigning function attributes: __code__ (checks, calls and running frames),
# __defaults__, __kwdefaults__, __name__, __qualname__, __module__, __doc__,
# __dict__, __annotations__, and the read-only ones.

def attempt(label, f):
    try:
        r = f()
        print(label, "ok", r)
    except Exception as e:
        print(label, type(e).__name__, e)

def add(a, b=10):
    return a + b

def mul(a, b=3):
    "multiply"
    return a * b

def three(a, b, c):
    return (a, b, c)

# Warm the call site before the swap (the specializer caches by function version).
total = 0
for i in range(100):
    total += add(i)
print(total, add(1), add.__code__.co_name)
add.__code__ = mul.__code__
print(add(2), add(2, 5), add.__name__, add.__code__.co_name, add.__doc__)
total = 0
for i in range(100):
    total += add(i)
print(total)
add.__code__ = three.__code__
attempt("too few", lambda: add(1))
print(add(1, 2, 3))
attempt("kw", lambda: add(1, 2, c=3))
for i in range(30):
    r = add(i, i, i)
print(r)

def make_counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc

def make_other():
    k = 100
    def get():
        return k * 2
    return get

inc = make_counter()
get = make_other()
print(inc(), inc())
inc.__code__ = get.__code__
print(inc())
attempt("freevars", lambda: setattr(add, "__code__", inc.__code__))
attempt("freevars2", lambda: setattr(inc, "__code__", mul.__code__))
attempt("not code", lambda: setattr(add, "__code__", 5))
attempt("del code", lambda: delattr(add, "__code__"))

# A running frame keeps running its own code after the swap.
def running():
    running.__code__ = mul.__code__
    x = "still old code"
    return x
print(running(), running(4, 2))

# A suspended generator keeps its code too.
def gen():
    yield 1
    yield 2
    yield 3
def gen2():
    yield "a"
g = gen()
print(next(g))
gen.__code__ = gen2.__code__
print(next(g), list(g), list(gen()), g.gi_code.co_name)

# Recursion through a swapped function.
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
def fact2(n):
    return 0 if n <= 0 else n + fact(n - 1)
print(fact(5))
fact.__code__ = fact2.__code__
print(fact(5))

# __defaults__ and __kwdefaults__.
def f(a, b=1, *, c=2):
    return (a, b, c)
print(f.__defaults__, f.__kwdefaults__, f(0))
f.__defaults__ = (5,)
f.__kwdefaults__ = {"c": 9}
print(f(0), f.__defaults__, f.__kwdefaults__)
f.__defaults__ = None
attempt("no default", lambda: f(0))
print(f.__defaults__)
f.__defaults__ = (7, 8)
print(f(), f.__defaults__)
del f.__defaults__
print(f.__defaults__)
attempt("defaults list", lambda: setattr(f, "__defaults__", [1]))
attempt("kwdefaults list", lambda: setattr(f, "__kwdefaults__", [1]))
f.__kwdefaults__ = None
attempt("no kwdefault", lambda: f(1, 2))
del f.__kwdefaults__
print(f.__kwdefaults__)
f.__defaults__ = (1,)
f.__kwdefaults__ = {"c": 3}
print(f(0))

# __name__, __qualname__, __module__, __doc__.
attempt("name int", lambda: setattr(f, "__name__", 1))
attempt("name del", lambda: delattr(f, "__name__"))
attempt("qualname int", lambda: setattr(f, "__qualname__", None))
attempt("qualname del", lambda: delattr(f, "__qualname__"))
f.__name__ = "renamed"
f.__qualname__ = "Outer.renamed"
print(f.__name__, f.__qualname__, repr(f).split(" at ")[0])
f.__module__ = 42
print(f.__module__)
del f.__module__
print(f.__module__)
f.__doc__ = "doc"
print(f.__doc__)
del f.__doc__
print(f.__doc__)

# __dict__.
f.x = 1
print(f.__dict__)
f.__dict__ = {"y": 2}
print(f.__dict__, f.y, hasattr(f, "x"))
attempt("dict int", lambda: setattr(f, "__dict__", 3))
attempt("dict del", lambda: delattr(f, "__dict__"))

# __annotations__.
def ann(a: int, b: "str" = "x") -> list:
    pass
print(ann.__annotations__)
ann.__annotations__ = {"z": float}
print(ann.__annotations__)
ann.__annotations__ = None
print(ann.__annotations__)
del ann.__annotations__
print(ann.__annotations__)
attempt("ann list", lambda: setattr(ann, "__annotations__", [1]))

# Read-only attributes.
for name in ["__globals__", "__closure__", "__builtins__"]:
    attempt(name, lambda: setattr(f, name, {}))
    attempt("del " + name, lambda: delattr(f, name))

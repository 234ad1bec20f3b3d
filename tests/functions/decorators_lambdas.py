# Decorators with arguments, stacked decorators, lambdas, function attributes.
def trace(fn):
    def wrapper(*a, **k):
        print(f"call {fn.__name__}{a}")
        return fn(*a, **k)
    wrapper.__name__ = fn.__name__
    wrapper.__wrapped__ = fn
    return wrapper
def repeat(n):
    def deco(fn):
        def inner(*a):
            return [fn(*a) for _ in range(n)]
        return inner
    return deco
@trace
@repeat(2)
def greet(name):
    return "hi " + name
print(greet("bob"), greet.__name__, greet.__wrapped__.__name__)
registry = {}
def register(name):
    def deco(fn):
        registry[name] = fn
        return fn
    return deco
@register("sq")
def square(x):
    return x * x
@register("neg")
def negate(x):
    return -x
print({k: f(3) for k, f in registry.items()})
def memo(fn):
    cache = {}
    def w(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    w.cache = cache
    return w
@memo
def slow_fib(n):
    return n if n < 2 else slow_fib(n - 1) + slow_fib(n - 2)
print(slow_fib(60), len(slow_fib.cache))
add = lambda a, b=1, *r, **k: (a + b, r, k)
print(add(1), add(1, 2, 3, z=4), add.__name__, (lambda: None)(), (lambda *a: a)(1, 2))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)), list(map(lambda x: x * 2, [1, 2])))
def f(a, b):
    "docstring here"
    return a + b
f.custom = 42
print(f.__doc__, f.custom, f.__qualname__, f.__module__, callable(f), f.__dict__)
def outer():
    def inner():
        pass
    return inner
print(outer().__qualname__, repr(outer).split(" at ")[0])
def deco_class(cls):
    cls.tag = "decorated"
    return cls
@deco_class
class K:
    pass
print(K.tag, (lambda x: lambda y: x * y)(3)(4))
compose = lambda *fs: lambda x: [x := g(x) for g in fs][-1]
print(compose(lambda v: v + 1, lambda v: v * 10)(2))

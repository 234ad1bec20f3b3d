# Defaults, keyword-only, positional-only, *args/**kwargs, and binding errors.
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))
print(f(1, c=3), f(1, 2, 3, 4, c=5, e=6), f(a=1, c=2, z=0))
def pos(a, b, /, c, *, d):
    return a, b, c, d
print(pos(1, 2, 3, d=4), pos(1, 2, c=3, d=4))
def acc(x, lst=[]):
    lst.append(x)
    return lst
print(acc(1), acc(2), acc(3, []))
print(f.__defaults__, f.__kwdefaults__, f.__name__, f.__code__.co_argcount, f.__code__.co_kwonlyargcount)
def g(*args, **kwargs):
    return args, kwargs
print(g(), g(1, *[2, 3], *(4,), x=1, **{"y": 2}), g(**{}))
calls = [
    lambda: f(),
    lambda: f(1),
    lambda: f(1, c=1, a=2),
    lambda: pos(a=1, b=2, c=3, d=4),
    lambda: pos(1, 2, 3, 4),
    lambda: g(**{1: 2}),
    lambda: f(1, c=2, **{"c": 3}),
    lambda: (lambda: 0)(1),
    lambda: (lambda x: 0)(),
    lambda: (lambda x, y: 0)(1, x=2),
    lambda: (lambda *, k: 0)(),
    lambda: (lambda: 0)(q=1),
    lambda: (lambda a, b, c: 0)(1),
    lambda: g(*5),
    lambda: g(**[1]),
]
for c in calls:
    try:
        c()
    except TypeError as e:
        print("TypeError:", e)
def defaults_eval_once(x=print("evaluated") or 5):
    return x
print(defaults_eval_once(), defaults_eval_once(1))
def kwonly_default(*, flag=False, **rest):
    return flag, rest
print(kwonly_default(), kwonly_default(flag=True, other=1))
def show(a, /, **kw):
    return a, kw
print(show(1, a=2))

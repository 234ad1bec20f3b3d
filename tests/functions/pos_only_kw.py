# Parameter kinds in realistic APIs, introspection of code objects.
def connect(host, port=80, /, *, timeout=10, retries=3):
    return f"{host}:{port} t={timeout} r={retries}"
print(connect("a"), connect("b", 8080, timeout=1), connect("c", retries=0))
try:
    connect(host="x")
except TypeError as e:
    print("TypeError:", e)
try:
    connect("x", 1, 2)
except TypeError as e:
    print("TypeError:", e)
def log(msg, *args, level="INFO", **fields):
    text = msg % args if args else msg
    extra = " ".join(f"{k}={v}" for k, v in sorted(fields.items()))
    return f"[{level}] {text} {extra}".rstrip()
print(log("hello"), log("x=%d y=%d", 1, 2, level="DEBUG"), log("m", user="ann", id=7))
def apply(f, /, *args, **kwargs):
    return f(*args, **kwargs)
print(apply(pow, 2, 10), apply(sorted, [3, 1, 2], reverse=True), apply(dict, a=1, f=2))
def describe(fn):
    c = fn.__code__
    return (c.co_argcount, c.co_posonlyargcount, c.co_kwonlyargcount, c.co_varnames[:c.co_argcount + c.co_kwonlyargcount], bool(c.co_flags & 4), bool(c.co_flags & 8))
print(describe(connect), describe(log), describe(apply), describe(lambda: 0))
def merge(*dicts, **overrides):
    out = {}
    for d in dicts:
        out.update(d)
    out.update(overrides)
    return out
print(merge({"a": 1}, {"b": 2}, a=3), merge(), merge(**{"k": "v"}))
def kw_defaults_late(*, a, b=None, c):
    return a, b, c
print(kw_defaults_late(c=3, a=1))
try:
    kw_defaults_late(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    kw_defaults_late(a=1)
except TypeError as e:
    print("TypeError:", e)
def many(a, b, c=3, d=4, *e, f, g=7, **h):
    return a, b, c, d, e, f, g, h
print(many(1, 2, f=6), many(1, 2, 3, 4, 5, 6, f=0, z=9))
try:
    many(1)
except TypeError as e:
    print("TypeError:", e)
try:
    many(1, 2, 3, f=1, c=9)
except TypeError as e:
    print("TypeError:", e)
def only_star(*, x):
    return x
try:
    only_star(1)
except TypeError as e:
    print("TypeError:", e)
def two_pos(a, b, /):
    return a + b
try:
    two_pos(1, b=2)
except TypeError as e:
    print("TypeError:", e)
print(two_pos(*"ab"), (lambda a, /, b: a - b)(5, b=2))

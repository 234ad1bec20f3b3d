# f(*args, **kwargs) of Python functions (frames pushed by the dispatch
# loop): binding, errors, generators, recursion and tracebacks.
def area(w, h=1, *, unit="m"):
    return f"{w * h}{unit}"


def forward(*args, **kwargs):
    return area(*args, **kwargs)


def gen(*args, **kwargs):
    yield from args
    yield from sorted(kwargs.items())


print(forward(3), forward(3, 4), forward(3, h=5), forward(w=2, h=2, unit="cm"))
print(list(gen(*(1, 2), **{"b": 3, "a": 4})), list(gen()))
for bad in [(), (1, 2, 3), ((1,), {"x": 1}), ((1,), {"h": 2, "w": 3})]:
    if len(bad) == 2 and isinstance(bad[1], dict):
        args, kwargs = bad
    else:
        args, kwargs = bad, {}
    try:
        print(area(*args, **kwargs))
    except TypeError as e:
        print("TypeError", e)
try:
    area(*[1], **{1: 2})
except TypeError as e:
    print("TypeError", e)
try:
    area(*5)
except TypeError as e:
    print("TypeError", e)
try:
    area(**[1])
except TypeError as e:
    print("TypeError", e)


class Mapping:
    def keys(self):
        return ["w", "h"]

    def __getitem__(self, k):
        return {"w": 6, "h": 7}[k]


print(area(**Mapping()), area(*iter([2, 3])), area(*"a", unit=""))


def depth(n, *rest, **kw):
    return n if n == 0 else depth(*(n - 1,), **kw)


print(depth(500))
try:
    depth(5000)
except RecursionError as e:
    print("RecursionError", e)


def failing(*args, **kwargs):
    return kwargs["missing"]


def caller():
    return failing(*(1,), **{"present": 2})


caller()

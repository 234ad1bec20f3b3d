# f(**mapping) and f(*args, **kwargs): keyword merging through DICT_MERGE and
# CALL_FUNCTION_EX, with dict and non-dict mappings, duplicates, bad keys, and
# a mapping whose key's __eq__ mutates it; dict.copy() keeps order and hashes.
def show(*args, **kwargs):
    return args, sorted(kwargs.items())


def f(a, b=2, *, c=3):
    return a, b, c


print(show(1, **{'x': 1, 'y': 2}))
print(show(**{'a': 1}, **{'b': 2}))
print(f(**{'a': 10, 'c': 30}))
print(f(1, **{'b': 5}))


class Mapping:
    def __init__(self, d):
        self.d = d

    def keys(self):
        return list(self.d)

    def __getitem__(self, k):
        return self.d[k]


print(show(**Mapping({'p': 1, 'q': 2})))
for call in [
    lambda: show(**{1: 2}),
    lambda: show(**Mapping({1: 2})),
    lambda: show(a=1, **{'a': 2}),
    lambda: show(**{'a': 1}, **{'a': 2}),
    lambda: show(**Mapping({'a': 1}), **{'a': 2}),
    lambda: show(**[1, 2]),
    lambda: f(**{'a': 1, 'zz': 2}),
    lambda: f(1, **{'a': 1}),
]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)


class Key(str):
    """A str key whose comparison adds to the dict being merged."""
    target = None

    def __eq__(self, other):
        if Key.target is not None:
            Key.target['grown%d' % len(Key.target)] = 0
        return str.__eq__(self, other)

    __hash__ = str.__hash__


upd = {Key('zz'): 1, Key('b'): 2}
Key.target = upd
for call in [lambda: show(b=0, **upd), lambda: show(zz=0, **upd)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
Key.target = None
print(sorted(upd))


def wrapper(*args, **kwargs):
    return f(*args, **kwargs)


print([wrapper(i, c=i * 2) for i in range(3)])
print([wrapper(*(i,), **{'b': i}) for i in range(3)])

# dict.copy(): order (with deleted entries in between), values, lookups.
d = {i: str(i) for i in range(1000)}
for i in range(0, 1000, 3):
    del d[i]
e = d.copy()
print(len(e), list(e)[:5], list(e)[-3:], e[500], 999 in e, 0 in e)
e[1] = 'changed'
print(d[1], e[1])
big = {str(i): i for i in range(100000)}
print(len(big.copy()), sum(big.copy().values()))

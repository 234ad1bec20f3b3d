# Bound methods: builtin ones compare by self identity and native function
# (CPython's meth_richcompare/meth_hash), Python ones by function equality
# then self identity; repr names __qualname__, then __name__, then '?'.
import types

l = []
other = []
pairs = [
    ('l.append, l.append', l.append, l.append),
    ('l.append, [].append', l.append, other.append),
    ('l.append, l.pop', l.append, l.pop),
    ('len, len', len, len),
    ('len, abs', len, abs),
    ('d.get, d.get', {}.get, {}.get),
    ("'ab'.upper x2", 'ab'.upper, 'ab'.upper),
    ('int.from_bytes x2', int.from_bytes, int.from_bytes),
    ('dict.fromkeys, dict.fromkeys', dict.fromkeys, dict.fromkeys),
]
for label, a, b in pairs:
    print(label, a == b, a != b, hash(a) == hash(b) if a == b else '-')
print(l.append == list.append, list.append == list.append)
print(len([l.append, l.append, other.append]), len({l.append, l.append, other.append}))
d = {l.append: 'append'}
print(d[l.append], d.get(other.append))
for op in ('<', '<=', '>', '>='):
    try:
        eval('l.append %s l.append' % op)
    except TypeError as e:
        print(op, type(e).__name__, e)
print(l.append.__eq__(5), l.append.__ne__(l.append))


class Foo:
    def method(self):
        pass

    def __eq__(self, other):
        return True

    __hash__ = object.__hash__


f, g = Foo(), Foo()
print(f.method == f.method, f.method == g.method, f.method != g.method)
print(hash(f.method) == hash(f.method))


class Loud:
    def __eq__(self, other):
        raise ValueError('compared')

    def __hash__(self):
        return 7

    def __call__(self, *a):
        return a


m1 = types.MethodType(Loud(), 1)
m2 = types.MethodType(Loud(), 2)
try:
    print(m1 == m2)
except ValueError as e:
    print(type(e).__name__, e)
print(m1 == m1)


class MyCallable:
    def __call__(self, arg):
        return arg


func = MyCallable()
method = types.MethodType(func, 5)
print(repr(method))
func.__name__ = 'name'
print(repr(method))
func.__qualname__ = 'qualname'
print(repr(method))
del func.__qualname__
print(repr(method))
print(repr(types.MethodType(len, 3)))
print(repr(types.MethodType(lambda s: s, 'x')))

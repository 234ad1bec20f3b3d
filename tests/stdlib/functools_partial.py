# _functools.partial: call semantics, attributes, flattening, repr, pickling state.
from _functools import partial


def f(a, b, c=3, *, d=4):
    return (a, b, c, d)


p = partial(f, 1, d=9)
print(p(2), p(2, c=5, d=0), p.func is f, p.args, p.keywords)
q = partial(p, 7)
print(q.func is f, q.args, q.keywords, q())
r = partial(q, c=8)
print(r.func is f, r.args, r.keywords, r())
print(partial(f)(1, 2), partial(f, 1, 2, 3)(d=5))
try:
    p()
except TypeError as e:
    print("TypeError", e)
for bad in [lambda: partial(), lambda: partial(5), lambda: partial(func=f)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
for attr in ["func", "args", "keywords"]:
    try:
        setattr(p, attr, None)
    except AttributeError:
        print("AttributeError", attr)


def show(x):
    return "<" + str(x) + ">"


print(repr(partial(show, 1, k="v")).replace(hex(id(show)), "ADDR"))
print(repr(partial(len)), repr(partial(max, 1, 2, key=abs)))
rec = partial(show)
rec.__dict__["x"] = 1
print(rec.x, rec.__dict__)


class C:
    m = partial(f, 100)
    def meth(self, a, b):
        return (self.__class__.__name__, a, b)
    pm = partial(meth, b=5)


c = C()
print(c.m(1), C.m(1, 2))
try:
    c.pm(1)
except TypeError as e:
    print("TypeError", e)
print(C.pm(c, 2))


class P(partial):
    pass


pp = P(f, 1, 2)
print(type(pp).__name__, pp(), repr(pp).split("(")[0])
pp.attr = 5
print(pp.attr, pp.__dict__)
inner = P(f, 1)
print(partial(inner, 2).func is inner)
print(partial(f, 1).__reduce__()[1:][0][0] is f, partial(f, 1).__reduce__()[2][1:])
s = partial(f)
s.__setstate__((show, (1,), {"k": 2}, None))
print(s.func is show, s.args, s.keywords)
for bad in [(1, 2), (show, [], {}, None), (5, (), {}, None), "x"]:
    try:
        s.__setstate__(bad)
    except TypeError as e:
        print("TypeError", e)
print(partial.__class_getitem__(int), type(partial).__name__, partial.__module__)

# keyword overriding and sharing
base = partial(dict, a=1, b=2)
print(base(b=3, c=4), base(), base.keywords)
kws = {"x": 1}
kp = partial(dict, **kws)
kws["x"] = 2
print(kp())
# as a key function and a callback
print(sorted(["b", "A", "c"], key=partial(str.lower)), list(map(partial(pow, 2), range(6))))

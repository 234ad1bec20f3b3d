# operator (with _operator underneath): functions, getters, methodcaller.
import operator, _operator
from operator import *
print(operator.add is _operator.add, add(1, 2), sub(5, 3), mul("ab", 2), truediv(7, 2), floordiv(7, 2), mod(7, 3), pow(2, 10), matmul.__name__)
print(and_(6, 3), or_(6, 3), xor(6, 3), lshift(1, 5), rshift(32, 2), neg(5), pos(-5), inv(5), invert(0), abs(-3.5), not_(0), truth([]))
print(lt(1, 2), le(2, 2), eq(1, 1.0), ne(1, 2), gt(1, 2), ge(3, 2), is_(None, None), is_not(1, None), index(True))
l = [1, 2]; print(iadd(l, [3]), l, iconcat(l, [4]), concat("a", "b"), contains([1, 2], 2), countOf([1, 2, 1], 1), indexOf("abc", "c"))
d = {}; setitem(d, "k", 1); print(getitem(d, "k"), d); delitem(d, "k"); print(d)
print(length_hint([1, 2, 3]), length_hint(iter(range(5))), length_hint(object(), 7))
class LH:
    def __length_hint__(self): return -1
for f in [lambda: neg("x"), lambda: concat(1, 2), lambda: indexOf([1], 5), lambda: length_hint(LH()), lambda: length_hint([], "x"), lambda: index(1.5), lambda: add(1)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
ig = itemgetter(1); ig2 = itemgetter(0, -1, slice(1, 3)); print(ig([5, 6]), ig("xyz"), ig2("abcdef"), ig, ig2, ig2.__reduce__()[1])
class P:
    def __init__(self, **kw): self.__dict__.update(kw)
p = P(x=1, y=P(z=3)); ag = attrgetter("x"); ag2 = attrgetter("x", "y.z"); print(ag(p), ag2(p), ag, ag2)
class Box:
    def __init__(self, v):
        self.v = v
    def scaled(self, k, *, offset=0):
        return self.v * k + offset
mc = methodcaller("split", ","); mc2 = methodcaller("scaled", 3, offset=1)
print(mc("a,b"), mc2(Box(2)), mc, mc2, mc.__reduce__())
print(sorted([(3, 'c'), (1, 'a'), (2, 'b')], key=itemgetter(0)), sorted(["bb", "a", "ccc"], key=len))
for f in [lambda: itemgetter(), lambda: ig(), lambda: ig([1], 2), lambda: attrgetter(1), lambda: ag(p, 1), lambda: methodcaller(), lambda: methodcaller(5), lambda: ig([])]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
print(_operator._compare_digest(b"abc", b"abc"), _operator._compare_digest("abc", "abd"), _operator._compare_digest(b"a", b"ab"))
for a in [("é", "é"), (b"a", "a"), (1, 2), ("a", b"a")]:
    try: _operator._compare_digest(*a)
    except TypeError as e: print(e)
print(operator.__add__(1, 2), type(ig).__name__, type(ig).__module__)
# inplace operators return the mutated object for mutables, a new one otherwise
lst = [1]
print(operator.iadd(lst, [2]) is lst, operator.imul(lst, 2), operator.iadd(1, 2), operator.isub(5, 2), operator.ipow(2, 5))
print(operator.imod(7, 4), operator.itruediv(1, 4), operator.ifloordiv(9, 2), operator.ilshift(1, 3), operator.irshift(8, 1))
print(operator.iand(6, 3), operator.ior(6, 3), operator.ixor(6, 3))
s = {1}
print(operator.ior(s, {2}) is s, s)
for name in ["add", "itemgetter", "attrgetter", "methodcaller", "length_hint", "not_", "concat", "truth"]:
    assert getattr(operator, name) is getattr(_operator, name), name
print(sorted(n for n in vars(_operator) if not n.startswith("_"))[:12])
rows = [{"name": "b", "age": 3}, {"name": "a", "age": 3}, {"name": "c", "age": 1}]
print([r["name"] for r in sorted(rows, key=itemgetter("age", "name"))])
print(list(map(attrgetter("real", "imag"), [1, 2.5, True])))
print(list(map(methodcaller("upper"), ["ab", "cd"])))
try:
    itemgetter("missing")({})
except KeyError as e:
    print("KeyError", e)
try:
    attrgetter("nope.deeper")(p)
except AttributeError as e:
    print("AttributeError", e)
print(operator.call(max, 3, 9, key=lambda v: -v))
try:
    operator.call()
except TypeError as e:
    print("TypeError", e)

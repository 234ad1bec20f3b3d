# __slots__ values are laid out in sorted name order: __class__ assignment
# between classes listing the same names in another order keeps the values.
class G: __slots__ = ["a", "b"]
class H: __slots__ = ["b", "a"]
class K: __slots__ = ["zeta", "alpha", "Mid", "_p"]
print(list(K.__dict__))
x = G(); x.a = 1; x.b = 2
x.__class__ = H
print(x.a, x.b)
x.__class__ = G
print(x.a, x.b)
k = K(); k.zeta = 1; k.alpha = 2; k.Mid = 3; k._p = 4
print(k.zeta, k.alpha, k.Mid, k._p)
try:
    class Bad: __slots__ = ["b", "a"]; a = 1
except ValueError as e:
    print(e)

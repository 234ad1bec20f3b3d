# C3 MRO, cooperative super(), MRO conflicts.
class A:
    def who(self):
        return ["A"]
class B(A):
    def who(self):
        return ["B"] + super().who()
class C(A):
    def who(self):
        return ["C"] + super().who()
class D(B, C):
    def who(self):
        return ["D"] + super().who()
print(D().who(), [k.__name__ for k in D.__mro__], D.mro() == list(D.__mro__))
class X: pass
class Y: pass
class Z(X, Y): pass
try:
    class Bad(X, Z): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Dup(X, X): pass
except TypeError as e:
    print("TypeError:", e)
class Base:
    def __init__(self, **kw):
        self.base_kw = kw
class Mixin:
    def __init__(self, mix=None, **kw):
        self.mix = mix
        super().__init__(**kw)
class Final(Mixin, Base):
    def __init__(self, **kw):
        super().__init__(**kw)
o = Final(mix=1, other=2)
print(o.mix, o.base_kw, Final.__bases__)
class P:
    @classmethod
    def make(cls):
        return cls.__name__
class Q(P):
    @classmethod
    def make(cls):
        return "Q:" + super().make()
print(Q.make(), Q().make(), super(Q, Q()).make())
class S(list):
    def append(self, v):
        super().append(v * 2)
s = S([1])
s.append(5)
print(s, super(S, s).__len__())
def outside():
    try:
        super()
    except RuntimeError as e:
        print("RuntimeError:", e)
outside()
class M:
    def f(self):
        return super().__repr__ is not None
print(M().f(), issubclass(D, A), isinstance(D(), C), object in D.__mro__, type.__mro__)
class O1: x = 1
class O2(O1): pass
class O3(O1): x = 3
class O4(O2, O3): pass
print(O4.x, [c.__name__ for c in O4.__mro__])

# __slots__ rules of CPython's type_new: secondary bases supplying __dict__/__weakref__,
# private-name mangling, a __classcell__ slot next to the compiler's cell.
class A: __slots__ = ()
class B: pass
class C(A, B): __slots__ = ()
print(sorted(C.__dict__), C.__basicsize__ == B.__basicsize__)
c = C(); c.x = 2; print(c.__dict__)
class P:
    __slots__ = ('__priv', '__dunder__', 'plain')
    def set(self): self.__priv = 5; return self.__priv
print(sorted(k for k in P.__dict__ if not k.startswith('__') or k == '__dunder__'), P().set())
class _:
    __slots__ = ('__x',)
print([k for k in _.__dict__ if 'x' in k])
class M(type):
    def __new__(cls, name, bases, ns):
        print('__classcell__' in ns)
        return super().__new__(cls, name, bases, ns)
class C1:
    def __init__(self): self.b = 42
class C2(C1, metaclass=M):
    __slots__ = ["__classcell__"]
    def __init__(self): super().__init__()
print(type(C2.__dict__["__classcell__"]).__name__, C2().b)
c2 = C2(); c2.__classcell__ = 4; print(c2.__classcell__)
class W: __slots__ = ('__weakref__',)
class D: pass
class C3(W, D): __slots__ = []
print(sorted(k for k in C3.__dict__), C3.__dictoffset__ != 0, C3.__weakrefoffset__ != 0)

# A sequence subclass's own __add__/__mul__ replaces the inherited
# concatenation/repetition: NotImplemented from it is a TypeError, and
# super().__add__ still concatenates.
def attempt(label, f):
    try:
        print(label, repr(f()))
    except TypeError as e:
        print(label, "TypeError", e)


class L(list):
    def __add__(self, other):
        return NotImplemented


class T(tuple):
    def __add__(self, other):
        return NotImplemented


class S(str):
    def __add__(self, other):
        return NotImplemented


class M(list):
    def __mul__(self, other):
        return NotImplemented


class R(list):
    def __rmul__(self, other):
        return NotImplemented


class Super(list):
    def __add__(self, other):
        return Super(super().__add__(other))

    def __mul__(self, n):
        return Super(super().__mul__(n))


class Plain(list):
    pass


class Child(L):
    pass


attempt("L+list", lambda: L([1]) + [2])
attempt("list+L", lambda: [1] + L([2]))
attempt("T+tuple", lambda: T((1,)) + (2,))
attempt("S+str", lambda: S("a") + "b")
attempt("str+S", lambda: "a" + S("b"))
attempt("M*2", lambda: M([1]) * 2)
attempt("2*M", lambda: 2 * M([1]))
attempt("R*2", lambda: R([1]) * 2)
attempt("Super+", lambda: Super([1]) + [2])
attempt("Super*", lambda: Super([1]) * 3)
attempt("Plain+", lambda: Plain([1]) + [2])
attempt("Child+", lambda: Child([1]) + [2])
x = L([1])
x += [5]
print(type(x).__name__, x)

# A module's own __doc__ = None hides object.__doc__.
import types

mod = types.ModuleType("m")
mod.__doc__ = None
print(mod.__doc__)
mod2 = types.ModuleType("m2", "docstring")
print(mod2.__doc__, types.ModuleType("m3").__doc__)

# type.__basicsize__/__itemsize__/__dictoffset__/__weakrefoffset__/__flags__:
# CPython's numbers for builtin types, and its layout rules for classes
# (slots, an added __dict__ or __weakref__, variable-size bases).
import copyreg
import types
import weakref

VALID_VERSION_TAG = 1 << 19


class A: pass
class B: __slots__ = ('a', 'b')
class C(B): pass
class D(int): pass
class E(tuple): pass
class F(bytes): pass
class G(B): __slots__ = ('__dict__',)
class H(B): __slots__ = ('__weakref__',)
class I(Exception): pass
class J(list): pass
class K(dict): __slots__ = ()
class L(str): pass
class M(float): pass
class N(A, B): pass
class O(D): __slots__ = ()
class P(A): __slots__ = ('x', 'y', 'z')
class Q(type): pass

builtin = [object, type, int, bool, float, complex, str, bytes, bytearray, tuple, list, dict, set, frozenset,
           range, slice, property, staticmethod, classmethod, super, BaseException, Exception, OSError,
           KeyError, SyntaxError, StopIteration, types.FunctionType, types.ModuleType, types.MethodType,
           types.CodeType, types.GeneratorType, memoryview, type(None), types.BuiltinFunctionType,
           types.MemberDescriptorType, type(iter([])), type({}.keys()), enumerate, zip, map]
for t in builtin + [A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q]:
    print(t.__name__, t.__basicsize__, t.__itemsize__, t.__dictoffset__, t.__weakrefoffset__,
          hex(t.__flags__ & ~VALID_VERSION_TAG), t.__base__.__name__ if t.__base__ else None)

# What users test: a __dict__ means a nonzero __dictoffset__, weakrefs a
# nonzero __weakrefoffset__.
for t in [A, B, C, G, H, N, P]:
    obj = t()
    has_dict = hasattr(obj, '__dict__')
    try:
        weakref.ref(obj)
        has_weak = True
    except TypeError:
        has_weak = False
    print(t.__name__, has_dict, t.__dictoffset__ != 0, has_weak, t.__weakrefoffset__ != 0)

# copyreg finds the first non-heap base through __flags__.
print([c.__name__ for c in J.__mro__ if not c.__flags__ & copyreg._HEAPTYPE])
print(copyreg._reduce_ex(J([1, 2]), 2)[1][:2])
print(sorted(set(dir(type)) - set(dir(object))))
for name in ['__basicsize__', '__itemsize__', '__dictoffset__', '__weakrefoffset__', '__flags__']:
    try:
        setattr(A, name, 1)
    except AttributeError as e:
        print(name, type(e).__name__, e)

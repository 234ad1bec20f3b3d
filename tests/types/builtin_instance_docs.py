# Instances of builtin types find their type's docstring: every builtin type
# has __doc__ (a str or None) in its own __dict__, as CPython's type_ready puts it.
import types, collections, itertools
for obj in [1, 1.5, 1j, "s", b"b", bytearray(), [], (), {}, set(), frozenset(), range(1), slice(1), None, NotImplemented, ..., True,
            iter([]), {}.keys(), len, [].append, list.append, int.__add__, (1).__add__, property(), staticmethod(len),
            classmethod(len), super(int, 1), memoryview(b""), (x for x in ()), types.SimpleNamespace(),
            collections.deque(), itertools.count(), object(), type]:
    t = type(obj)
    print(t.__name__, '__doc__' in t.__dict__, repr(obj.__doc__)[:50], obj.__doc__ == t.__doc__)
print(repr(int.__dict__['__doc__'][:30]), repr(type(None).__dict__['__doc__']), object.__dict__['__doc__'][:20])
def f(): "fdoc"
print(f.__doc__, type(f).__dict__['__doc__'])
class C: pass
print(C.__doc__, C().__doc__, C.__dict__['__doc__'])
class D(int): pass
print(D.__doc__, D(1).__doc__)
import pydoc
for t in [types.FunctionType, property, slice, complex, range]:
    text = pydoc.render_doc(t, renderer=pydoc.plaintext)
    print(t.__name__, len(text.splitlines()), [l for l in text.splitlines() if 'descriptor' in l.lower() or 'Data' in l][:6])
print(pydoc.render_doc(types.FunctionType.__dict__['__globals__'], renderer=pydoc.plaintext))
print(pydoc.render_doc(slice.__dict__['start'], renderer=pydoc.plaintext))

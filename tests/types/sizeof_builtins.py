# __sizeof__ and sys.getsizeof of builtin objects: CPython 3.11's 64-bit
# numbers, from lengths and table sizes the two interpreters share.
import sys


def show(label, v):
    print(label, v.__sizeof__(), sys.getsizeof(v))


for v in [0, 1, -1, 2**30 - 1, 2**30, -2**30, 2**60, 2**62 - 1, 2**63, -2**63,
          2**100, -2**100, 10**50, True, False]:
    show(repr(v), v)

for v in ['', 'a', 'abc', 'x' * 100, 'é', 'ñandú', 'ab€', '\u20ac' * 7,
          '\U0001f600', 'a\U0001f600b', '\udc80']:
    show(ascii(v), v)

for v in [b'', b'a', b'abc' * 10, (), (1,), (1, 2, 3), tuple(range(50)),
          [], [1], [1, 2], {}, {1: 2}, {'a': 1, 'b': 2},
          {i: i for i in range(10)}, {str(i): i for i in range(10)},
          set(), {1}, set(range(5)), frozenset(range(10)), frozenset(), object()]:
    show(type(v).__name__ + str(len(v) if hasattr(v, '__len__') else ''), v)

# Growth: lists by append, sets and dicts by insertion, str and general keys.
lst = []
sizes = []
for i in range(16):
    lst.append(i)
    sizes.append(lst.__sizeof__())
print('list', sizes)
s = set()
sizes = []
for i in range(40):
    s.add(i)
    sizes.append(s.__sizeof__())
print('set', sizes)
for make in (int, str):
    d = {}
    sizes = []
    for i in range(40):
        d[make(i)] = i
        sizes.append(d.__sizeof__())
    print('dict', make.__name__, sizes)
d = {}
d[1] = 2
d['a'] = 1
print('dict general then str', d.__sizeof__())


# Subclasses: the type's own basic size (slots, __dict__, __weakref__).
class A:
    pass


class B:
    __slots__ = ('a', 'b')


class C(B):
    __slots__ = ('c',)


class L(list):
    pass


class I(int):
    pass


class S(str):
    pass


class Bt(bytes):
    pass


class T(tuple):
    pass


class D(dict):
    pass


class St(set):
    pass


show('A()', A())
show('B()', B())
show('C()', C())
show('L()', L())
show('L3', L([1, 2, 3]))
show('I5', I(5))
show('Ibig', I(2**40))
show('S', S('ab'))
show('S latin', S('é'))
show('Bt', Bt(b'ab'))
show('T', T((1, 2)))
show('D', D(a=1))
show('St', St(range(3)))

# type.__sizeof__: a static type, classes with and without an instance dict.
for t in (int, object, type, A, B, C, L):
    print(t.__name__, type.__sizeof__(t), sys.getsizeof(t))

# object.__sizeof__ directly: basic size plus item size times ob_size.
for v in [(), (1, 2, 3), [1, 2], 0, 5, -3, 2**31, -2**100, True, 1.5, b'abc',
          'abc', {}, set()]:
    print('object.__sizeof__', repr(v), object.__sizeof__(v))
print('object.__sizeof__ A() B()', object.__sizeof__(A()), object.__sizeof__(B()))
for t in (int, A, B, C):
    print('object.__sizeof__', t.__name__, object.__sizeof__(t))

# A __sizeof__ override is what getsizeof sees.
class Big:
    def __sizeof__(self):
        return 1000


class Neg:
    def __sizeof__(self):
        return -1


print(sys.getsizeof(Big()))
for v in (Neg(),):
    try:
        sys.getsizeof(v)
    except ValueError as e:
        print(type(e).__name__, e)

for src in ['[].__sizeof__(1)', '(0).__sizeof__(1)', 'object.__sizeof__()',
            'list.__sizeof__(5)', 'int.__sizeof__("a")', 'object().__sizeof__(x=1)',
            'type.__sizeof__(5)', 'str.__sizeof__(b"")', 'dict.__sizeof__(1)',
            'set.__sizeof__([])', 'frozenset.__sizeof__(set())']:
    try:
        print(src, eval(src))
    except TypeError as e:
        print(src, type(e).__name__, e)

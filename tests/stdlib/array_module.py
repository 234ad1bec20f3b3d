import array, sys, pickle, copy, struct, io, os
from array import array as A

print(array.typecodes, A is array.ArrayType, A.__module__, A.__name__)
for tc in array.typecodes:
    a = A(tc)
    print(tc, a.typecode, a.itemsize, repr(a), len(a))

a = A('i', [1, 2, 3, 4, 5])
print(a, a[0], a[-1], a[1:3], a[::2], a[::-1], a[10:], list(a))
a.append(6); a.extend([7, 8]); a.extend(A('i', [9])); a.insert(0, 0); a.insert(-1, 99); a.insert(100, 100)
print(a, len(a))
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(5); print(a, a.index(3), a.index(3, 2), a.count(3), 3 in a, 42 in a)
for args in [(42,), (3, 4), (3, 0, 2), (3, -100, 100)]:
    try:
        print(a.index(*args))
    except ValueError as e:
        print(type(e).__name__, e)
try:
    a.remove(42)
except ValueError as e:
    print(e)
a.reverse(); print(a)
a[0] = -5; a[-1] = 7; print(a)
a[1:3] = A('i', [10, 20, 30]); print(a)
a[::2] = A('i', [0] * len(a[::2])); print(a)
del a[1]; del a[::3]; print(a)
del a[1:3]; print(a)
for bad in [lambda: a.__setitem__(slice(0, 2), [1, 2]), lambda: a.__setitem__(slice(0, None, 2), A('i', [1])),
            lambda: a.__setitem__(slice(0, 2), A('d', [1.0])), lambda: a[100], lambda: a.__setitem__(100, 1),
            lambda: a['x'], lambda: A('i').pop(), lambda: a.pop(100), lambda: a + [1], lambda: a + A('d'),
            lambda: a.__iadd__([1]), lambda: a.extend(A('h', [1])), lambda: a.fromlist((1,)),
            lambda: a.fromunicode('x'), lambda: a.tounicode(), lambda: A('b', 'abc'), lambda: A('q', A('u', 'ab')),
            lambda: A('x'), lambda: A(1), lambda: A('ii'), lambda: A('i', [1], 2), lambda: A(), lambda: A('i', typecode='i'),
            lambda: hash(a), lambda: a.frombytes(b'123'), lambda: a.frombytes('abc'), lambda: a.fromlist([1, 'x']),
            lambda: A('u', [1]), lambda: a.append(), lambda: a.append(1, 2), lambda: a.tolist(1)]:
    try:
        r = bad()
        print("no error", r)
    except Exception as e:
        print(type(e).__name__, e)
print(a)
b = A('d', [1.5, -0.0, float('inf')])
print(b, b * 2, 2 * b, b + b, b * -1, b * 0)
b *= 2; print(b); b += A('d', [3]); print(b)
b *= 0; print(b, len(b))
u = A('u', 'hello \u00e9\U0001f600')
print(u, u.tounicode(), u[0], u[-1], len(u), u.itemsize)
u.fromunicode('!!'); u.append('x'); print(u.tounicode())
print(A('b', b'\x01\xff'), A('H', b'\x01\x02\x03\x04'), A('B', bytearray(b'ab')))
x = A('h', [1, -2, 300])
print(x.tobytes(), x.tolist())
x.byteswap(); print(x)
x.byteswap(); print(x)
y = A('h'); y.frombytes(x.tobytes()); print(y == x, y != x, y < x, y <= x, A('h', [1]) < A('h', [2]), A('h', [1, 2]) > A('h', [1]))
print(A('i', [1, 2]) == A('d', [1.0, 2.0]), A('i') == [], A('i').__eq__([]))
print(A('f', [0.1, 1.5]))
bi = x.buffer_info(); print(type(bi[0]).__name__, bi[1])
m = memoryview(A('i', [1, 2, 3]))
print(m.format, m.itemsize, m.nbytes, m.tolist(), bytes(A('B', [65, 66])), struct.unpack('3i', A('i', [7, 8, 9])))
arr = A('B', [1, 2, 3])
mv = memoryview(arr); mv[0] = 42; print(arr)
mv.release()
# Protocols 0-3 (pyrite's BytesIO.getbuffer, used by protocol 4 framing, is missing).
for proto in range(4):
    for tc in 'bBuhHiIlLqQfd':
        src = A(tc, 'ab' if tc == 'u' else [1, 2])
        back = pickle.loads(pickle.dumps(src, proto))
        assert back == src and back.typecode == tc, (proto, tc)
print(A('i', [1, 2]).__reduce_ex__(2), A('i', [1, 2]).__reduce_ex__(4)[1][2:])
print(array._array_reconstructor(A, 'i', 12, struct.pack('<2q', 5, -6)))
print(array._array_reconstructor(A, 'd', 17, struct.pack('>2d', 1.5, 2.5)))
print(array._array_reconstructor(A, 'u', 21, 'h\U0001f600'.encode('utf-32-be')))
for bad in [lambda: array._array_reconstructor(A, 'i', 99, b''), lambda: array._array_reconstructor(int, 'i', 8, b''),
            lambda: array._array_reconstructor(A, 'i', 8, b'abc')]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
c = copy.copy(a); d = copy.deepcopy(a); print(c == a, c is a, d == a)
class Sub(A):
    pass
s = Sub('i', [1, 2]); s.attr = 5
print(repr(s), type(s[0:1]).__name__, type(s + s).__name__, type(copy.copy(s)).__name__)
s2 = pickle.loads(pickle.dumps(s, 3)); print(type(s2).__name__, s2, s2.attr)
it = iter(A('i', [1, 2, 3])); print(next(it), list(it), list(it))
print(list(reversed(A('i', [1, 2, 3]))), sorted(A('i', [3, 1, 2])), sum(A('d', [0.5, 0.25])), max(A('b', [1, -3])))
path = 'array_tmp.bin'
with open(path, 'wb') as f:
    A('i', range(10)).tofile(f)
r = A('i')
with open(path, 'rb') as f:
    r.fromfile(f, 4); print(r)
    try:
        r.fromfile(f, 10)
    except EOFError as e:
        print(type(e).__name__, e, r)
os.remove(path)
bio = io.BytesIO(); A('h', [1, 2]).tofile(bio); print(bio.getvalue())
q = A('Q', [2**64 - 1, 0]); print(q, A('q', [-2**63]), A('L', [2**64 - 1]), A('I', [2**32 - 1]))
print(A('d', [True, 2, 3.5]), A('i', [True, False]))
print(A('i', range(5)), A('i', (x * x for x in range(4))))
big = A('b', [1]) * 3; big[1:2] = A('b'); print(big)

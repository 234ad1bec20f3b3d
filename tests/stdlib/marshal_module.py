# marshal: every marshallable value at every version, shared references,
# CPython's errors for bad data and unmarshallable objects, dump/load on files.
import marshal, io
vals = [None, True, False, 0, 1, -1, 2**31-1, -2**31, 2**31, -2**31-1, 2**62, 10**40, -(10**40),
        0.0, -0.0, 1.5, 1e300, float('inf'), 1j, (1+2j), b'', b'abc', bytearray(b'xy'), '', 'abc', 'é', '\u20ac\U0001f600',
        'a b' * 150, (), (1,), tuple(range(300)), [], [1, [2, [3]]], {}, {'a': 1, 2: 'b'}, set(), {1, 2, 3}, frozenset({'x', 'y'}),
        StopIteration, ..., [(1, 2.5, 'x')] * 3]
for v in vals:
    for ver in range(5):
        d = marshal.dumps(v, ver)
        back = marshal.loads(d)
        print(ver, repr(v)[:40], d[:40], repr(back)[:40], back == v or v != v)
x = [1, 2]
shared = [x, x, 'abc', 'abc']
print(marshal.dumps(shared))
y = marshal.loads(marshal.dumps(shared)); print(y, y[0] is y[1])
print(marshal.dumps(float('nan'), 1), marshal.dumps(1e-5, 0), marshal.dumps(123456789.125, 1), marshal.dumps(-2.5e-7, 0))
print(marshal.version)
for bad in [b'', b'i\x01', b'\x99', b'r\x05\x00\x00\x00', b'[\x02\x00\x00\x00i\x01\x00\x00\x00', b'l\x01\x00\x00\x00\x00\x80', b'l\x01\x00\x00\x00\x00\x00', b's\xff\xff\xff\xff', b'0']:
    try:
        print(marshal.loads(bad))
    except Exception as e:
        print(type(e).__name__, e)
for bad in [object(), [object()], {1: len}, int, lambda: 0]:
    try:
        marshal.dumps(bad)
    except Exception as e:
        print(type(e).__name__, e)
class I(int): pass
try:
    marshal.dumps(I(3))
except ValueError as e:
    print(e)
deep = []
for _ in range(3000):
    deep = [deep]
try:
    marshal.dumps(deep)
except ValueError as e:
    print(e)
f = io.BytesIO()
marshal.dump({'k': [1, 2]}, f)
marshal.dump('second', f, 2)
f.seek(0)
print(marshal.load(f), marshal.load(f))
try:
    marshal.load(f)
except EOFError as e:
    print('EOFError', e)
try:
    marshal.load(io.StringIO('x'))
except TypeError as e:
    print(e)
try:
    marshal.loads('str')
except TypeError as e:
    print(e)
try:
    marshal.dumps(1, 'x')
except TypeError as e:
    print(e)
print(marshal.loads(memoryview(b'i\x05\x00\x00\x00trailing')))

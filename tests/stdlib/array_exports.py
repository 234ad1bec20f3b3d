from array import array
a = array('i', [1, 2, 3])
m = memoryview(a)
for op in [lambda: a.append(4), lambda: a.extend([5]), lambda: a.extend([]), lambda: a.pop(), lambda: a.insert(0, 1),
           lambda: a.remove(1), lambda: a.frombytes(b''), lambda: a.frombytes(b'1234'), lambda: a.__delitem__(0),
           lambda: a.__setitem__(slice(0, 1), array('i', [9])), lambda: a.__setitem__(slice(0, 1), array('i')),
           lambda: a.__imul__(1), lambda: a.__imul__(2), lambda: a.__iadd__(array('i')), lambda: a.fromlist([]),
           lambda: a.fromlist([1]), lambda: a.byteswap(), lambda: a.reverse(), lambda: a.__setitem__(0, 7)]:
    try:
        op()
        print("ok", a)
    except BufferError as e:
        print("BufferError", e)
m2 = m[1:]
m.release()
try:
    a.append(1)
except BufferError as e:
    print("still exported", e)
m2.release()
a.append(1); print(a)
with memoryview(a) as v:
    print(v.tolist(), v.format)
a.append(2); print(a)
b = array('d', [1.5])
mv = memoryview(b)
del mv
b.append(2.5); print(b)

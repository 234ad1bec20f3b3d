# bytearray item and slice assignment/deletion, extended slices.
b = bytearray(b"0123456789")
b[0] = 65
b[-1] = 90
print(b)
b[1:3] = b"xyz"
print(b)
b[5:5] = bytearray(b"__")
print(b)
b[:2] = []
print(b)
b[::2] = b"EVENS!"[: len(b[::2])]
print(b)
b[8:2:-2] = [97, 98, 99]
print(b)
del b[0]
del b[-1]
print(b)
del b[::3]
print(b)
del b[1:3]
print(b)
del b[5:1]
del b[::-4]
print(b)
b[:] = b"reset"
print(b)
b[:] = b
print(b)
b[1:4] = b
print(b)
b[2:2] = memoryview(b"MV")
b[0:1] = (x for x in [49, 50])
b[-1:] = range(3)
print(b)
b[len(b):] = b"end"
b[100:200] = b"far"
print(b, len(b))
for bad in [lambda: b.__setitem__(0, 256), lambda: b.__setitem__(0, b"x"), lambda: b.__setitem__(0, "x"),
            lambda: b.__setitem__(100, 1), lambda: b.__setitem__(slice(0, 1), 5), lambda: b.__setitem__(slice(0, 1), "x"),
            lambda: b.__setitem__(slice(0, 1), [256]), lambda: b.__setitem__(slice(None, None, 2), b"x"),
            lambda: b.__setitem__(slice(None, None, 0), b""), lambda: b.__delitem__(100), lambda: b.__getitem__(100),
            lambda: b.__setitem__("k", 1), lambda: b.__delitem__("k"), lambda: b.__setitem__(slice(0, 1), [1, "a"])]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(b)
e = bytearray(b"abcdef")
e[1::2] = b"BDF"
e[::-1] = e
print(e)
e[::2] = bytearray(3)
print(e, e[::-2], e[-2:], e[5:1:-1])
# Slice bounds whose __index__ resizes the bytearray under assignment.
class Shrinker:
    def __init__(self, target, value):
        self.target, self.value = target, value
    def __index__(self):
        del self.target[:]
        return self.value
t = bytearray(b"abcdef")
try:
    t[Shrinker(t, 1):4] = b"XY"
    print("assigned", t)
except Exception as e:
    print(type(e).__name__, e)
t = bytearray(b"abcdef")
try:
    del t[Shrinker(t, 2):5]
    print("deleted", t)
except Exception as e:
    print(type(e).__name__, e)

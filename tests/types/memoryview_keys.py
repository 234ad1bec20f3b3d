# memoryview: tuple keys (indices, slices, mixed), hash kept after
# release, weak references.
import weakref

m = memoryview(bytearray(b"abc"))
for key in [(0,), (0, 0), (slice(0, 1, 1), 0), (0, slice(0, 1)), (slice(0, 1), slice(0, 1)), "a", (), (1.5,)]:
    try:
        print(repr(m[key]))
    except Exception as e:
        print("get", type(e).__name__, e)
    try:
        m[key] = b"a"
        print("set ok")
    except Exception as e:
        print("set", type(e).__name__, e)
r = memoryview(b"abcdef")
h = hash(r)
r.release()
print(hash(r) == h == hash(b"abcdef"))
r2 = memoryview(b"abcdef")
r2.release()
try:
    hash(r2)
except ValueError as e:
    print(e)
w = weakref.ref(m)
print(w() is m)
del m
print(w())

# Slices run without a slice object (BUILD_SLICE fused with the subscript that
# follows) against the general path: bounds, steps, identity, assignment, errors.
# slicing semantics through the fused path
a = list(range(10))
t = tuple(a)
s = "hello world"
u = "héllo wörld ☃"
for lo in (None, -20, -3, 0, 2, 9, 20):
    for hi in (None, -20, -3, 0, 5, 20):
        for st in (None, 1, 2, -1, -3):
            print(lo, hi, st, a[lo:hi:st], t[lo:hi:st], s[lo:hi:st], u[lo:hi:st], a[lo:hi], t[lo:hi], s[lo:hi])
print(t[:] is t, t[0:] is t, s[:] is s)
for lo, hi in ((0, 3), (2, 2), (5, 1), (-2, None), (None, None)):
    for val in ([], [1], (7, 8, 9), [4, 5, 6, 7]):
        b = list(range(6))
        b[lo:hi] = val
        print(b)
b = list(range(6)); b[1:4] = b; print(b)
b = list(range(6)); b[::2] = (9, 9, 9); print(b)
try:
    b = list(range(6)); b[::2] = [1]
except ValueError as e:
    print(type(e).__name__, e)
b = list(range(6)); b[::-1] = b[:]; print(b)
class L(list): pass
x = L([1,2,3]); print(x[1:], type(x[1:]))
try:
    (1,2)[1:2] = [3]
except TypeError as e:
    print(type(e).__name__, e)
try:
    print([1,2,3]["a":])
except TypeError as e:
    print(type(e).__name__, e)
print([1,2,3][True:])
import sys
print(sys.getrefcount(a) >= 2)

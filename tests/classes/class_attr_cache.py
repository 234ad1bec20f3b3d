# Class attributes read repeatedly through instances and classes (the method
# cache must not confuse a 0.0 value with "absent"), and tags kept valid
# through a three-level hierarchy when the middle class changes.
class A:
    rate = 0.0
    zero = 0
    empty = ""
    none = None


class B(A):
    pass


class C(B):
    pass


a, c = A(), C()
for _ in range(3):
    print(a.rate, c.rate, A.rate, C.rate, a.zero, c.empty == "", c.none)

print(C.rate)
B.rate = 1.5
print(C.rate, c.rate, a.rate)
A.rate = -0.0
print(C.rate, a.rate, B.rate)
del B.rate
print(C.rate, c.rate)


def total(objs):
    return sum(o.rate for o in objs)


objs = [A(), B(), C()] * 5
print(total(objs))
A.rate = 2.0
print(total(objs))
B.rate = 0.0
print(total(objs))

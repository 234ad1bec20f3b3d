# int/float __divmod__ and __rdivmod__ exist as methods, and divmod() follows
# the binary-operator protocol (a subclass's reflected method goes first).
print(int.__divmod__(7, 2), (7).__rdivmod__(30), (-7).__divmod__(2), (7).__divmod__(2.0), (7).__divmod__("x"))
print((7.5).__divmod__(2), (7.5).__rdivmod__(20), float.__divmod__(-7.5, 2.0), (1.5).__divmod__("x"))
print(divmod(7, 2), divmod(-7, 2), divmod(7.5, 2), divmod(7, 2.5), divmod(10**30, 7), divmod(True, 2))
for a, b in [(1, 0), (1.0, 0), (1, 0.0), ("a", 1), (1, "a"), (None, None)]:
    try:
        print(divmod(a, b))
    except Exception as e:
        print(type(e).__name__, e)
try:
    int.__divmod__(1.5, 2)
except TypeError as e:
    print(e)


class I(int):
    def __divmod__(self, other):
        return ("I.divmod", int(self), other)
    def __rdivmod__(self, other):
        return ("I.rdivmod", int(self), other)


class J(int):
    pass


class V:
    def __rdivmod__(self, other):
        return ("V.rdivmod", other)


class W:
    def __divmod__(self, other):
        return NotImplemented
    def __rdivmod__(self, other):
        return NotImplemented


print(divmod(I(7), 2), divmod(7, I(2)), divmod(J(7), 2), divmod(7, J(2)), type(divmod(J(7), 2)[0]))
print(divmod(3, V()), divmod(3.5, V()))
try:
    divmod(W(), W())
except TypeError as e:
    print(e)
print(sorted(k for k in int.__dict__ if 'divmod' in k), sorted(k for k in float.__dict__ if 'divmod' in k))

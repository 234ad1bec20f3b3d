# BINARY_OP sites warmed up on two instances of one class with Python
# operator methods (run in frames the dispatch loop pushes), then fed
# NotImplemented results, methods replaced or deleted, subclasses with
# reflected methods, mixed operand types, errors raised inside the method,
# a generator method, a list subclass, and deep recursion through the method.


class V:
    def __init__(self, x):
        self.x = x

    def __add__(self, o):
        if not isinstance(o, V):
            return NotImplemented
        return V(self.x + o.x)

    def __sub__(self, o):
        return V(self.x - o.x)

    def __mul__(self, o):
        if o.x == 0:
            return NotImplemented
        return V(self.x * o.x)

    def __truediv__(self, o):
        return V(self.x / o.x)

    def __pow__(self, o):
        return NotImplemented

    def __repr__(self):
        return f"V({self.x})"


def add(a, b):
    return a + b


def sub(a, b):
    return a - b


def mul(a, b):
    return a * b


def div(a, b):
    return a / b


def power(a, b):
    return a ** b


for i in range(300):
    add(V(i), V(1))
    sub(V(i), V(1))
    mul(V(i), V(2))
    div(V(i), V(2))
print(add(V(1), V(2)), sub(V(5), V(3)), mul(V(3), V(4)), div(V(1), V(4)))
for f, a, b in ((mul, V(3), V(0)), (power, V(2), V(2)), (add, V(1), 2), (add, 2, V(1)), (div, V(1), V(0))):
    try:
        print(f(a, b))
    except (TypeError, ZeroDivisionError) as e:
        print(type(e).__name__, e)


class W(V):
    def __radd__(self, o):
        return "W.__radd__"


print(add(V(1), W(2)), add(W(1), W(2)))
V.__add__ = lambda self, o: "replaced"
print(add(V(1), V(2)))
del V.__add__
try:
    add(V(1), V(2))
except TypeError as e:
    print(type(e).__name__, e)
print(add(1, 2), add("a", "b"), add([1], [2]), add(1.5, 2))


class L(list):
    def __mul__(self, o):
        return "L.__mul__"


for i in range(300):
    sub(V(i), V(1))
print(add(L([1]), L([2])), mul(L([1]), L([2])), mul(L([1]), 2))


class G:
    def __add__(self, o):
        yield 1


print(type(add(G(), G())).__name__)


class Deep:
    def __init__(self, n):
        self.n = n

    def __add__(self, o):
        if self.n == 0:
            return 0
        return Deep(self.n - 1) + o


for i in range(300):
    add(Deep(2), Deep(0))
print(add(Deep(50), Deep(0)))
try:
    add(Deep(100000), Deep(0))
except RecursionError as e:
    print(type(e).__name__)

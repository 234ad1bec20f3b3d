# One subscript/attribute site fed a list, then a dict, a tuple, a string and
# a user class with __getitem__; one attribute site fed many classes and a module.
import _spec_module as math


def first(container, key):
    return container[key]


for _ in range(300):
    first([10, 20], 1)
print(first([10, 20], 1), first({1: "one"}, 1), first((5, 6), -1), first("xyz", 2))


class Squares:
    def __getitem__(self, i):
        return i * i


print(first(Squares(), 12))


def get_x(obj):
    return obj.x


class P:
    def __init__(self):
        self.x = "p"


class Q:
    x = "q-class"


class R:
    __slots__ = ("x",)

    def __init__(self):
        self.x = "r-slot"


for _ in range(300):
    get_x(P())
print(get_x(P()), get_x(Q()), get_x(R()))


class M:
    pass


m = M()
m.x = "m"
print(get_x(m))
math.x = "module"
print(get_x(math))
p = P()
p.__dict__["x"] = "via dict"
print(get_x(p))
p.__dict__.clear()
try:
    get_x(p)
except AttributeError as e:
    print("AttributeError", e)

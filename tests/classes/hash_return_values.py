# What hash() makes of the int a __hash__ method returns: kept when it fits
# a hash (so returning hash(y) gives y's hash), hashed when bigger, -1 -> -2.
from dataclasses import dataclass


class Returns:
    def __init__(self, value):
        self.value = value

    def __hash__(self):
        return self.value


class IntSub(int):
    pass


for value in [0, 1, -1, -2, 2**61 - 1, 2**61, 2**63 - 1, -(2**63), 2**63, 2**64 + 5, -(2**70), True, IntSub(7), hash(()), hash("abc")]:
    print(repr(value), hash(Returns(value)))

for bad in [1.5, "x", None]:
    try:
        hash(Returns(bad))
    except TypeError as e:
        print("TypeError", e)


@dataclass(frozen=True)
class Point:
    x: int
    y: int


@dataclass(frozen=True)
class Empty:
    pass


print(hash(Point(1, 2)) == hash((1, 2)), hash(Empty()) == hash(()))
print(len({Point(1, 2), Point(1, 2), Point(2, 1)}))


class Meta(type):
    pass


class WithMeta(type, metaclass=Meta):
    pass


for call in [lambda: type(5), lambda: type(1, 2), lambda: Meta(5), lambda: WithMeta(5), lambda: Meta("a", "b")]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError", e)

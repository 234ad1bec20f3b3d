# dataclasses: generated __init__/__repr__/__eq__/ordering, defaults and
# factories, frozen instances, __post_init__, InitVar, fields/asdict/astuple,
# replace, make_dataclass, slots, kw_only, and the errors CPython gives.
import dataclasses
from dataclasses import dataclass, field, InitVar, FrozenInstanceError, KW_ONLY
from typing import ClassVar, List

@dataclass
class Item:
    name: str
    price: float = 0.0
    tags: List[str] = field(default_factory=list)
    count: ClassVar[int] = 0

    def total(self, n):
        return self.price * n

a = Item("pen", 1.5)
b = Item("pen", 1.5)
print(a, a == b, a is b, a.total(4), Item.count)
f2 = dataclasses.fields(Item)[2]
print(f2.name, f2.type, f2.default is dataclasses.MISSING, f2.default_factory, f2.init, f2.compare, f2.kw_only, dict(f2.metadata), [f.name for f in dataclasses.fields(a)])
print(dataclasses.asdict(a), dataclasses.astuple(a))
print(dataclasses.replace(a, price=2.0), dataclasses.is_dataclass(a), dataclasses.is_dataclass(Item), dataclasses.is_dataclass(1))

@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default="", compare=False, repr=False)

vs = sorted([Version(3, 11), Version(2, 7, "old"), Version(3, 9)])
print(vs, Version(3, 1) < Version(3, 2), hash(Version(1, 2)) == hash(Version(1, 2, "x")))
try:
    vs[0].major = 9
except FrozenInstanceError as e:
    print(type(e).__name__, e)

@dataclass
class Account:
    owner: str
    balance: int = 0
    secret: InitVar[str] = "none"

    def __post_init__(self, secret):
        self.masked = secret[0] + "*" * (len(secret) - 1)

acc = Account("ann", 10, "hunter2")
print(acc, acc.masked, [f.name for f in dataclasses.fields(acc)])

@dataclass(slots=True)
class Slotted:
    x: int
    y: int = 2

s = Slotted(1)
print(s, Slotted.__slots__, hasattr(s, "__dict__"))

@dataclass(kw_only=True)
class Options:
    verbose: bool = False
    level: int = 1

print(Options(level=3))
try:
    Options(True)
except TypeError as e:
    print(e)

@dataclass
class Mixed:
    a: int
    _: KW_ONLY
    b: int = 0

print(Mixed(1, b=2))

Point3 = dataclasses.make_dataclass("Point3", ["x", ("y", int), ("z", int, field(default=0))], namespace={"norm": lambda self: abs(self.x) + abs(self.y) + abs(self.z)})
p = Point3(1, -2)
print(p, p.norm())

for bad in ("mutable", "order", "missing"):
    try:
        if bad == "mutable":
            @dataclass
            class Bad:
                items: list = []
        elif bad == "order":
            @dataclass
            class Bad2:
                a: int = 1
                b: int
        else:
            Item()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

@dataclass(eq=False)
class Node:
    value: int
    children: list = field(default_factory=list)

n = Node(1, [Node(2)])
print(n == Node(1, [Node(2)]), n.children[0].value, repr(n).startswith("Node(value=1"))
print(Item.__init__.__qualname__, Item.__repr__.__qualname__, Item.__match_args__)
match a:
    case Item(name, price):
        print("matched", name, price)

from dataclasses import dataclass, field
from enum import Enum, StrEnum, IntEnum, Flag, auto, unique
from typing import NamedTuple, TypedDict, Protocol, Generic, TypeVar, Optional, Union, Literal, get_type_hints, runtime_checkable
import typing

class Category(StrEnum):
    TOOLS = auto()
    FOOD = auto()

class Priority(IntEnum):
    LOW = 1
    HIGH = 3

class Perm(Flag):
    R = auto(); W = auto(); X = auto()
    RW = R | W

@unique
class Color(Enum):
    RED = "r"
    GREEN = "g"
    def describe(self):
        return f"{self.name.title()} ({self.value})"

class Point(NamedTuple):
    x: float
    y: float = 0.0
    def dist(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

class Movie(TypedDict, total=False):
    title: str
    year: int

T = TypeVar("T")
class Box(Generic[T]):
    def __init__(self, item: T): self.item = item
    def get(self) -> T: return self.item

@runtime_checkable
class HasLen(Protocol):
    def __len__(self) -> int: ...

@dataclass(order=True, frozen=True)
class Product:
    sort_key: tuple = field(init=False, repr=False)
    name: str
    category: Category
    price: float
    qty: int = 0
    def __post_init__(self):
        object.__setattr__(self, "sort_key", (self.category, -self.price, self.name))

items = [Product("hammer", Category.TOOLS, 12.5, 3), Product("apple", Category.FOOD, 0.5, 100), Product("saw", Category.TOOLS, 25.0),
         Product("bread", Category.FOOD, 2.25, 10), Product("drill", Category.TOOLS, 25.0, 1)]
for p in sorted(items):
    print(f"{p.category:<6} {p.name:<8} {p.price:>7.2f} x{p.qty:<4} = {p.price * p.qty:>8.2f}")
print(sorted(items, key=lambda p: (p.qty == 0, -p.qty, p.name))[0].name)
print(Category.TOOLS, repr(Category.FOOD), Category("food"), Category.TOOLS == "tools", f"{Category.FOOD}", Category.FOOD.upper())
print(Priority.HIGH > Priority.LOW, Priority.HIGH + 1, repr(Priority(3)), sorted([Priority.HIGH, Priority.LOW]), int(Priority.LOW), f"{Priority.HIGH}", f"{Priority.HIGH:>5}")
print(Perm.RW, Perm.R | Perm.X, Perm.RW & Perm.W, Perm(0), Perm.R in Perm.RW, list(Perm), repr(Perm.RW), ~Perm.R, bool(Perm(0)))
print(Color.RED.describe(), Color("g"), Color.GREEN.name, [c.value for c in Color], Color.__members__.keys(), len(Color))
try:
    class Dup(Enum):
        A = 1
        A = 2
except TypeError as e:
    print("TypeError", e)
try:
    @unique
    class Alias(Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError", e)
try:
    Color.RED = "x"
except AttributeError as e:
    print("AttributeError", e)
p = Point(3, 4)
print(p, p.dist(), p._replace(x=0), Point._fields, Point._field_defaults, Point.__annotations__, p._asdict(), p == (3, 4), isinstance(p, tuple))
m: Movie = {"title": "X"}
print(m, Movie.__required_keys__, Movie.__optional_keys__, Movie.__total__)
b = Box[int](5)
print(b.get(), Box[int], Box.__parameters__, typing.get_origin(Box[int]), typing.get_args(dict[str, list[int]]))
print(isinstance([], HasLen), isinstance(5, HasLen), get_type_hints(Product), Optional[int], Union[int, str], Literal["a", 1], int | None, list[int] | None)
try:
    isinstance(5, Box[int])
except TypeError as e:
    print("TypeError", e)
try:
    Product("x", Category.FOOD, 1.0).price = 5
except Exception as e:
    print(type(e).__name__, e)
try:
    Product("x")
except TypeError as e:
    print("TypeError", e)
print(hash(Product("x", Category.FOOD, 1.0)) == hash(Product("x", Category.FOOD, 1.0)), Product("a", Category.FOOD, 1.0) < Product("a", Category.TOOLS, 1.0))
def describe(obj):
    match obj:
        case Point(x=0, y=0):
            return "origin"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Product(name=n, category=Category.FOOD, price=pr) if pr < 1:
            return f"cheap food {n}"
        case Product(category=Category.TOOLS) as t:
            return f"tool {t.name}"
        case {"title": str(title), **rest}:
            return f"movie {title} {rest}"
        case [Point() as a, Point() as b, *others]:
            return f"path {a} -> {b} (+{len(others)})"
        case Color.RED | Color.GREEN:
            return f"color {obj.value}"
        case int(n) | float(n) if n < 0:
            return "negative"
        case str() as s if s.isdigit():
            return f"digits {s}"
        case _:
            return "unknown"
for o in [Point(0, 0), Point(5, 0), Point(1, 1), items[1], items[0], {"title": "T", "year": 1}, [Point(1, 2), Point(3, 4), 5], Color.GREEN, -3, -2.5, "123", "abc", None]:
    print(describe(o))

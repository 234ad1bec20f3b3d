# enum: Enum, IntEnum, Flag, auto, iteration, lookup, errors.
import enum


class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3


class Perm(enum.Flag):
    R = 4
    W = 2
    X = 1


class Level(enum.IntEnum):
    LOW = enum.auto()
    HIGH = enum.auto()


print(Color.RED, repr(Color.GREEN), Color(3), Color["BLUE"], list(Color))
print(Color.RED.name, Color.RED.value, Color.RED is Color(1), len(Color))
print(Perm.R | Perm.W, repr(Perm.R | Perm.X), Perm(7), Perm.R in (Perm.R | Perm.W), bool(Perm(0)))
print(Level.LOW, Level.HIGH + 1, Level.LOW < Level.HIGH, int(Level.HIGH), sorted([Level.HIGH, Level.LOW]))
try:
    Color(7)
except ValueError as e:
    print("ValueError", e)
try:
    Color["PURPLE"]
except KeyError as e:
    print("KeyError", e)
try:
    Color.RED = 5
except AttributeError as e:
    print("AttributeError", e)


@enum.unique
class Shape(enum.Enum):
    SQUARE = "sq"
    CIRCLE = "ci"


print([s.value for s in Shape], Shape("ci"), isinstance(Shape.SQUARE, Shape))
Animal = enum.Enum("Animal", "CAT DOG")
print(list(Animal), Animal.DOG.value)

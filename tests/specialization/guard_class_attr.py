# After warm-up, a class attribute is reassigned, shadowed by an instance
# attribute, turned into a property, and deleted: every load sees the change.
class Shape:
    sides = 0

    def __init__(self, name):
        self.name = name


def describe(shapes):
    return [(s.name, s.sides) for s in shapes]


shapes = [Shape("a"), Shape("b")]
for i in range(300):
    out = describe(shapes)
print(out)
Shape.sides = 3
print(describe(shapes))
shapes[0].sides = 4
print(describe(shapes))
Shape.sides = property(lambda self: 99)
try:
    print(describe(shapes))
except AttributeError as e:
    print("AttributeError", e)
del shapes[0].__dict__["sides"]
print(describe(shapes))
del Shape.sides
try:
    describe(shapes)
except AttributeError as e:
    print("AttributeError", e)
for i in range(200):
    shapes[1].name = i
print(shapes[1].name, shapes[0].name)

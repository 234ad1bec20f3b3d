# A method call site warmed up on one class sees a method added to a base
# class later, a method replaced on the class, and an instance attribute that
# shadows the method.
class Base:
    pass


class Child(Base):
    def greet(self):
        return "child"


def call_all(objs, name):
    return [getattr(o, name)() for o in objs]


def greet_all(objs):
    return [o.greet() for o in objs]


objs = [Child(), Child()]
for _ in range(300):
    r = greet_all(objs)
print(r)
Base.greet = lambda self: "base"
print(greet_all(objs))
Child.greet = lambda self: "replaced"
print(greet_all(objs))
del Child.greet
print(greet_all(objs))
objs[0].greet = lambda: "instance"
print(greet_all(objs))


class Other:
    def greet(self):
        return "other"


print(greet_all(objs + [Other(), 5 if False else Other()]))
try:
    greet_all([1])
except AttributeError as e:
    print("AttributeError", e)
for _ in range(100):
    r = [x.append(1) for x in [[], []]]
print(r, [[].append.__name__])

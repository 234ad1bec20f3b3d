# LOAD_ATTR of class attributes, read through the class (`Cls.X`) and through
# instances (`self.X`), warmed up and then broken in every way a guard must see.
import sys


class Base:
    LIMIT = 10
    NAME = "base"


class Config(Base):
    SCALE = 3

    def __init__(self, v):
        self.v = v

    def scaled(self):
        return self.v * self.SCALE + self.LIMIT


def read_class(cls):
    return (cls.SCALE, cls.LIMIT, cls.NAME)


def read_instances(objs):
    return [o.scaled() for o in objs]


objs = [Config(i) for i in range(4)]
for _ in range(200):
    a = read_class(Config)
    b = read_instances(objs)
print(a, b)

# Reassigned on the class, then on a base class.
Config.SCALE = 5
print(read_class(Config), read_instances(objs))
Base.LIMIT = -1
print(read_class(Config), read_instances(objs))

# Shadowed by an instance attribute on one instance (the class's keys grow).
objs[2].SCALE = 100
print(read_instances(objs))
for _ in range(100):
    b = read_instances(objs)
print(b)
del objs[2].SCALE
print(read_instances(objs))

# An instance whose attributes moved to a dict.
objs[1].__dict__["LIMIT"] = 1000
print(read_instances(objs))
vars(objs[3]).update(extra=1)
print(read_instances(objs))

# The class attribute becomes a descriptor, then a method, then is deleted.
Config.SCALE = property(lambda self: 7)
print(read_instances(objs))
print([type(x).__name__ for x in read_class(Config)])
Config.SCALE = staticmethod(lambda: 2)
try:
    print(read_instances(objs))
except TypeError as e:
    print("TypeError", e)
print(read_class(Config)[1:])
del Config.SCALE
try:
    print(read_instances(objs))
except AttributeError as e:
    print("AttributeError", e)
try:
    read_class(Config)
except AttributeError as e:
    print("AttributeError", e)
Config.SCALE = 1

# The site sees another class, and a class with a metaclass.
class Other:
    SCALE = 9
    LIMIT = 0
    NAME = "other"


class Meta(type):
    NAME = "from meta"

    @property
    def LIMIT(cls):
        return "meta property"


class WithMeta(metaclass=Meta):
    SCALE = 11


for _ in range(100):
    read_class(Config)
print(read_class(Other))
print(read_class(WithMeta))
for _ in range(100):
    r = read_class(WithMeta)
print(r)
WithMeta.LIMIT = 5  # the metaclass's property has no setter

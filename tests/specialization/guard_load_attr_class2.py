# Class-attribute loads that must keep CPython's answers after warm-up:
# type's own attributes, __class__ assignment, __getattr__ added later,
# mutable class attributes, and the final uncaught error's traceback.
class Counter:
    hits = []
    kind = "counter"

    def record(self, x):
        self.hits.append(x)
        return self.kind


class Other:
    hits = ["other"]
    kind = "other"


def names(cls):
    return (cls.__name__, cls.__qualname__, cls.kind, cls.__doc__)


c = Counter()
for i in range(150):
    c.record(i)
    n = names(Counter)
print(len(Counter.hits), n)

c.__class__ = Other
print(Counter.record(c, "x"), Other.hits)
c.__class__ = Counter
print(c.record("y"), len(Counter.hits))

Counter.__getattr__ = lambda self, name: "fallback " + name
print(c.record("z"), c.missing)
del Counter.kind
print(c.record("w"))
Counter.__getattribute__ = lambda self, name: (
    "intercepted " + name if name.startswith("any") else object.__getattribute__(self, name)
)
print(Counter.record(c, "v"), c.anything)
del Counter.__getattribute__
Counter.kind = "restored"
print(names(Counter)[:3])
Counter.__doc__ = "now documented"
print(names(Counter))


class Slotted:
    __slots__ = ("a",)
    LABEL = "slotted"

    def label(self):
        return self.LABEL


s = Slotted()
for _ in range(100):
    s.label()
print(s.label())
Slotted.LABEL = "changed"
print(s.label())
try:
    s.LABEL = "no"
except AttributeError as e:
    print("AttributeError", e)


def deep(o):
    return o.kind.upper()


for _ in range(100):
    deep(Other)
Other.kind = None
deep(Other)

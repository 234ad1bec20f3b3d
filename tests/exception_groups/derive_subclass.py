# derive(): split() rebuilds groups through derive, so a subclass that
# overrides it keeps its type and extra state in the parts.
class Tagged(ExceptionGroup):
    def __new__(cls, message, excs, tag=None):
        self = super().__new__(cls, message, excs)
        self.tag = tag
        return self

    def __init__(self, message, excs, tag=None):
        super().__init__(message, excs)

    def derive(self, excs):
        return Tagged(self.message, excs, tag=self.tag)


class Plain(ExceptionGroup):
    pass


t = Tagged("tagged", [ValueError(1), KeyError(2), Tagged("in", [ValueError(3)], tag="inner")], tag="outer")
m, r = t.split(ValueError)
print(type(m).__name__, m.tag, repr(m), type(m.exceptions[1]).__name__, m.exceptions[1].tag)
print(type(r).__name__, r.tag, repr(r))

p = Plain("plain", [ValueError(1), KeyError(2)])
m, r = p.split(ValueError)
print(type(m).__name__, type(r).__name__, repr(m), repr(r))
print(type(p.derive([KeyError()])).__name__, repr(p.derive([KeyError()])))
print(type(p.derive([SystemExit()])).__name__)
print(p.derive((ValueError(9),)).args)


class BadDerive(ExceptionGroup):
    def derive(self, excs):
        return 42


try:
    BadDerive("bad", [ValueError(), KeyError()]).split(ValueError)
except TypeError as e:
    print("TypeError", e)


class Counting(ExceptionGroup):
    calls = 0

    def derive(self, excs):
        Counting.calls += 1
        return Counting(self.message, excs)


c = Counting("c", [ValueError(1), Counting("d", [KeyError(2), ValueError(3)]), TypeError(4)])
c.split(ValueError)
print(Counting.calls)
c.subgroup(KeyError)
print(Counting.calls)

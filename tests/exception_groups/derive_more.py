# derive(): split/subgroup build their parts with derive(); a subclass that
# does not override derive gets plain ExceptionGroups; one that does gets its
# own class and its extra state; derive returning a non-group is an error.
class Tagged(ExceptionGroup):
    def __new__(cls, message, excs, tag=None):
        obj = super().__new__(cls, message, excs)
        obj.tag = tag
        return obj

    def __init__(self, message, excs, tag=None):
        super().__init__(message, excs)

    def derive(self, excs):
        return Tagged(self.message, excs, tag=self.tag)


class NoDerive(ExceptionGroup):
    pass


class BadDerive(ExceptionGroup):
    def derive(self, excs):
        return 42


class NoneDerive(ExceptionGroup):
    def derive(self, excs):
        return None


t = Tagged("tagged", [ValueError(1), TypeError(2)], tag="T")
m, r = t.split(ValueError)
print(type(m).__name__, m.tag, type(r).__name__, r.tag, m.exceptions, r.exceptions)

n = NoDerive("plain", [ValueError(1), TypeError(2)])
m, r = n.split(ValueError)
print(type(m).__name__, type(r).__name__)
print(type(n.derive([KeyError()])).__name__, n.derive([KeyError()]).message)

for cls in (BadDerive, NoneDerive):
    g = cls("bad", [ValueError(1), TypeError(2)])
    try:
        g.split(ValueError)
    except TypeError as e:
        print(cls.__name__, type(e).__name__, e)

nested = ExceptionGroup("top", [Tagged("mid", [ValueError(1), KeyError(2)], tag="M"), TypeError(3)])
m, r = nested.split(KeyError)
print(type(m.exceptions[0]).__name__, m.exceptions[0].tag, r.exceptions)

try:
    try:
        raise Tagged("raised", [ValueError(5), OSError(6)], tag="R")
    except* ValueError as vg:
        print(type(vg).__name__, vg.tag, vg.exceptions)
except Tagged as rest:
    print("rest:", type(rest).__name__, rest.tag, rest.exceptions)

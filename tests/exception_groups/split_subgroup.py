# split() and subgroup(): by type, tuple of types, predicate; structure and
# identity of the results; metadata copied onto the parts.
def show(label, pair):
    print(label, repr(pair))


leaf1, leaf2, leaf3, leaf4 = ValueError(1), TypeError(2), ValueError(3), KeyError(4)
inner = ExceptionGroup("inner", [leaf3, leaf4])
eg = ExceptionGroup("top", [leaf1, leaf2, inner])

show("by ValueError", eg.split(ValueError))
show("by tuple", eg.split((TypeError, KeyError)))
show("by LookupError", eg.split(LookupError))
show("by Exception", eg.split(Exception))
print("whole match is identity:", eg.split(Exception)[0] is eg)
print("no match rest is identity:", eg.split(OSError)[1] is eg)
show("by predicate", eg.split(lambda e: isinstance(e, ValueError) and e.args[0] > 1))
show("predicate sees groups", eg.split(lambda e: isinstance(e, ExceptionGroup) and e.message == "inner"))
show("subgroup ValueError", eg.subgroup(ValueError))
show("subgroup nothing", eg.subgroup(OSError))
print("subgroup all is identity:", eg.subgroup(BaseException) is eg)

m, r = eg.split(ValueError)
print(m.exceptions[0] is leaf1, m.exceptions[1].exceptions[0] is leaf3)
print(type(m.exceptions[1]).__name__, m.exceptions[1].message)

calls = []


def pred(e):
    calls.append(repr(e))
    return False


eg.split(pred)
print(calls)

for bad in (1, "x", [ValueError], (ValueError, 1), None):
    try:
        eg.split(bad)
    except TypeError as e:
        print("split", repr(bad), "->", e)
    try:
        eg.subgroup(bad)
    except TypeError as e:
        print("subgroup", repr(bad), "->", e)

try:
    raise eg
except ExceptionGroup as caught:
    pass
eg.__cause__ = RuntimeError("cause")
eg.__context__ = OSError("ctx")
eg.add_note("note one")
m, r = eg.split(TypeError)
print(m.__traceback__ is eg.__traceback__, r.__traceback__ is eg.__traceback__)
print(repr(m.__cause__), repr(m.__context__), m.__notes__, r.__notes__)
print(m.__notes__ is eg.__notes__, m.__notes__ == eg.__notes__)
m.__notes__.append("only on m")
print(eg.__notes__, r.__notes__)
eg.__notes__ = "not a list"
m2, r2 = eg.split(TypeError)
print(hasattr(m2, "__notes__"))


def raiser():
    raise ZeroDivisionError


try:
    eg.split(lambda e: raiser())
except ZeroDivisionError:
    print("predicate error propagates")

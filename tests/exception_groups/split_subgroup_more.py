# split/subgroup with a type, a tuple of types, a predicate, nested groups;
# identity when everything matches; None when nothing does; the fields
# (traceback, cause, context, notes) copied to the parts.
def leaves(eg):
    if eg is None:
        return None
    return [repr(e) if not isinstance(e, BaseExceptionGroup) else (e.message, leaves(e)) for e in eg.exceptions]


inner = ExceptionGroup("inner", [KeyError("k"), ValueError("v2")])
eg = ExceptionGroup("outer", [ValueError("v1"), TypeError("t"), inner, OSError("o")])

for cond in (ValueError, (KeyError, OSError), LookupError, Exception, ZeroDivisionError,
             lambda e: isinstance(e, ValueError) and "1" in str(e),
             lambda e: isinstance(e, ExceptionGroup) and e.message == "inner"):
    match, rest = eg.split(cond)
    print(leaves(match), "|", leaves(rest))
    print(leaves(eg.subgroup(cond)))

m, r = eg.split(Exception)
print(m is eg, r)
print(eg.subgroup(Exception) is eg, eg.subgroup(lambda e: True) is eg)
print(eg.subgroup(ExceptionGroup) is eg)

for bad in (1, "x", [ValueError], (ValueError, 1), None):
    try:
        eg.split(bad)
    except TypeError as e:
        print(type(e).__name__, e)

try:
    eg.split(lambda e: 1 / 0)
except ZeroDivisionError as e:
    print("predicate error propagates:", e)

try:
    raise eg
except ExceptionGroup as caught:
    caught.add_note("a note")
    try:
        raise RuntimeError("ctx")
    except RuntimeError as ctx:
        caught.__context__ = ctx
    caught.__cause__ = OSError("cause")
    m, r = caught.split(TypeError)
    print(m.__traceback__ is caught.__traceback__, m.__cause__ is caught.__cause__, m.__context__ is caught.__context__)
    print(m.__notes__, r.__notes__, m.__notes__ is caught.__notes__)
    print(r.message, type(r).__name__)

beg = BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError(1)])
m, r = beg.split(ValueError)
print(type(m).__name__, type(r).__name__, leaves(m), leaves(r))
m, r = beg.split(KeyboardInterrupt)
print(type(m).__name__, type(r).__name__)

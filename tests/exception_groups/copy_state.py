# Exception groups through copy: args round-trip, the sub-exceptions are
# shared by copy.copy and copied by deepcopy; __notes__ and other attributes
# travel in the instance dict (__reduce__'s state, __setstate__).
import copy

eg = ExceptionGroup("msg", [ValueError(1), ExceptionGroup("inner", [KeyError("k")])])
eg.add_note("a note")
c = copy.copy(eg)
print(type(c).__name__, c.message, c.exceptions[0] is eg.exceptions[0], c.__notes__)
d = copy.deepcopy(eg)
print(d.message, d.exceptions[0] is eg.exceptions[0], repr(d.exceptions[1]), d.__notes__)
print(eg.__reduce__()[0].__name__, len(eg.__reduce__()))
b = copy.deepcopy(BaseExceptionGroup("b", [KeyboardInterrupt()]))
print(type(b).__name__, repr(b))
r = ValueError("plain")
print(len(r.__reduce__()), r.__reduce__()[1])
r.__setstate__({"extra": 5})
print(r.extra, copy.copy(r).extra)
try:
    r.__setstate__(5)
except TypeError as e:
    print(type(e).__name__, e)

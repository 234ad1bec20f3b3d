# __str__ and __repr__ of exception groups: the sub-exception counts, nested
# groups counted as one, subclasses with their own __str__, and args.
groups = [
    ExceptionGroup("one", [ValueError(1)]),
    ExceptionGroup("two", [ValueError(1), TypeError(2)]),
    ExceptionGroup("nested", [ExceptionGroup("in", [ValueError(1), ValueError(2)]), KeyError(3)]),
    BaseExceptionGroup("base", [KeyboardInterrupt()]),
    ExceptionGroup("", [ValueError()]),
    ExceptionGroup("multi\nline", [ValueError("x")]),
]
for g in groups:
    print(str(g))
    print(repr(g))


class Named(ExceptionGroup):
    def __str__(self):
        return f"Named<{len(self.exceptions)}>"


n = Named("ignored", [ValueError(1)])
print(str(n), repr(n))
print(f"{groups[1]}", "%s" % groups[1], format(groups[1], ""))
print(groups[1].args, groups[1].args[1] is groups[1].exceptions)
try:
    raise Named("x", [ValueError(1), KeyError(2)])
except Named as e:
    print(type(e).__name__, e)
raise Named("shown", [ValueError(1)])

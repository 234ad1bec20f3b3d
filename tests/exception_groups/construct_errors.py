# Construction rules of BaseExceptionGroup / ExceptionGroup and their errors.
def attempt(label, make):
    try:
        g = make()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", type(g).__name__, repr(g), g.message, g.exceptions)


attempt("one arg", lambda: ExceptionGroup("a"))
attempt("no args", lambda: ExceptionGroup())
attempt("three args", lambda: ExceptionGroup("a", [ValueError()], 3))
attempt("message int", lambda: ExceptionGroup(1, [ValueError()]))
attempt("message bytes", lambda: BaseExceptionGroup(b"x", [ValueError()]))
attempt("not a sequence", lambda: ExceptionGroup("a", 5))
attempt("set is not a sequence", lambda: ExceptionGroup("a", {ValueError()}))
attempt("dict is not a sequence", lambda: ExceptionGroup("a", {1: 2}))
attempt("empty list", lambda: ExceptionGroup("a", []))
attempt("empty tuple", lambda: ExceptionGroup("a", ()))
attempt("item not exception", lambda: ExceptionGroup("a", [ValueError(), 1]))
attempt("class not instance", lambda: ExceptionGroup("a", [ValueError]))
attempt("base exception nested", lambda: ExceptionGroup("a", [KeyboardInterrupt()]))
attempt("keyword", lambda: ExceptionGroup("a", [ValueError()], x=1))
attempt("base keyword", lambda: BaseExceptionGroup("a", [ValueError()], x=1))
attempt("base with exceptions", lambda: BaseExceptionGroup("a", [ValueError(), TypeError()]))
attempt("base with base", lambda: BaseExceptionGroup("a", [ValueError(), SystemExit(2)]))
attempt("tuple input", lambda: ExceptionGroup("t", (ValueError(1),)))
attempt("nested groups", lambda: ExceptionGroup("outer", [ExceptionGroup("inner", [KeyError("k")])]))


class MyEG(ExceptionGroup):
    pass


class MyBEG(BaseExceptionGroup):
    pass


class Mixed(BaseExceptionGroup, Exception):
    pass


attempt("subclass with base", lambda: MyEG("m", [KeyboardInterrupt()]))
attempt("subclass ok", lambda: MyEG("m", [ValueError()]))
attempt("base subclass keeps class", lambda: MyBEG("m", [ValueError()]))
attempt("base subclass base", lambda: MyBEG("m", [GeneratorExit()]))
attempt("mixed subclass", lambda: Mixed("m", [GeneratorExit()]))

print(ExceptionGroup.__mro__)
print(BaseExceptionGroup.__mro__)
print(MyEG.__mro__)
print(issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, Exception))
print(ExceptionGroup.__bases__, BaseExceptionGroup.__bases__)
print(ExceptionGroup[int], BaseExceptionGroup[ValueError])
eg = ExceptionGroup("msg", [ValueError(1), TypeError(2)])
print(str(eg), repr(eg), eg.args)
print(str(ExceptionGroup("one", [ValueError()])))
print(str(ExceptionGroup("", [ValueError()] * 3)))
eg.args = ("changed",)
print(eg.message, repr(eg), str(eg))
try:
    eg.message = "x"
except AttributeError as e:
    print("AttributeError", e)
try:
    eg.exceptions = ()
except AttributeError as e:
    print("AttributeError", e)
print(eg.__dict__)
print(isinstance(eg.exceptions, tuple))

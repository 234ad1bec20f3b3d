# ExceptionGroup/BaseExceptionGroup construction rules: argument types,
# empty sequences, non-exceptions, BaseException members, the class that
# __new__ picks, and the fields.
def show(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print(type(r).__name__, repr(r))


show(lambda: ExceptionGroup("m", [ValueError(1)]))
show(lambda: ExceptionGroup("m", (ValueError(1), TypeError(2))))
show(lambda: ExceptionGroup("m", []))
show(lambda: ExceptionGroup("m", ()))
show(lambda: ExceptionGroup("m", None))
show(lambda: ExceptionGroup("m", ValueError(1)))
show(lambda: ExceptionGroup("m", {ValueError(1)}))
show(lambda: ExceptionGroup("m", [1]))
show(lambda: ExceptionGroup("m", [ValueError, TypeError]))
show(lambda: ExceptionGroup(1, [ValueError(1)]))
show(lambda: ExceptionGroup(b"m", [ValueError(1)]))
show(lambda: ExceptionGroup("m"))
show(lambda: ExceptionGroup("m", [ValueError(1)], 3))
show(lambda: ExceptionGroup("m", [KeyboardInterrupt()]))
show(lambda: BaseExceptionGroup("m", [KeyboardInterrupt()]))
show(lambda: BaseExceptionGroup("m", [ValueError(1)]))
show(lambda: BaseExceptionGroup("m", [ValueError(1), SystemExit(2)]))
show(lambda: ExceptionGroup(msg="m", excs=[ValueError(1)]))
show(lambda: ExceptionGroup("m", iter([ValueError(1)])))

eg = ExceptionGroup("message", [ValueError(1), TypeError("t")])
print(eg.message, eg.exceptions, eg.args, str(eg))
print(type(eg.exceptions).__name__, isinstance(eg, BaseExceptionGroup), isinstance(eg, Exception))
print(ExceptionGroup.__mro__)
print(BaseExceptionGroup.__mro__)
try:
    eg.message = "new"
except AttributeError as e:
    print(type(e).__name__, e)
try:
    eg.exceptions = ()
except AttributeError as e:
    print(type(e).__name__, e)


class MyGroup(ExceptionGroup):
    pass


show(lambda: MyGroup("m", [ValueError(1)]))
show(lambda: MyGroup("m", [KeyboardInterrupt()]))


class MyBase(BaseExceptionGroup):
    pass


show(lambda: MyBase("m", [ValueError(1)]))
show(lambda: MyBase("m", [KeyboardInterrupt()]))
ExceptionGroup("m", [GeneratorExit()])

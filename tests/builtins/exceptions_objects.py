# Exception objects: args, str/repr, attributes, hierarchy, custom classes.
e = ValueError("bad", 42)
print(e.args, str(e), repr(e), str(ValueError()), repr(ValueError()), str(ValueError("one")))
k = KeyError("key")
print(str(k), repr(k), str(KeyError()), str(KeyError(1, 2)), repr(IndexError(0)))
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError), issubclass(bool, int))
print([c.__name__ for c in FileNotFoundError.__mro__])
print([c.__name__ for c in RecursionError.__mro__], issubclass(StopIteration, Exception), issubclass(KeyboardInterrupt, Exception))
print(issubclass(GeneratorExit, BaseException), issubclass(UnicodeDecodeError, ValueError), NotImplementedError.__bases__)
s = StopIteration(5)
print(s.value, s.args, StopIteration().value)
x = SystemExit(3)
print(x.code, SystemExit().code, SystemExit(1, 2).code)
o = OSError(2, "No such file")
print(o.errno, o.strerror, str(o), type(OSError(2, "x")).__name__)
a = AttributeError("msg")
print(a.args, str(a))
n = NameError("nm")
print(str(n))
class MyError(Exception):
    pass
class Detailed(MyError):
    def __init__(self, field, reason):
        super().__init__(f"{field}: {reason}")
        self.field = field
try:
    raise Detailed("age", "negative")
except MyError as err:
    print(type(err).__name__, err, err.field, err.args, isinstance(err, Exception))
e2 = Exception("a", "b")
e2.extra = 1
print(e2.extra, e2.args, e2.__traceback__, e2.__cause__, e2.__context__)
e3 = RuntimeError()
e3.args = ("changed",)
print(e3, repr(e3))
try:
    raise TypeError
except TypeError as t:
    print(repr(t), t.args, t.__traceback__ is not None)
try:
    raise 5
except TypeError as t:
    print("TypeError:", t)
try:
    raise ValueError from 5
except TypeError as t:
    print("TypeError:", t)
class NotExc:
    pass
try:
    raise NotExc
except TypeError as t:
    print("TypeError:", t)
try:
    try:
        pass
    except 5:
        pass
    print("unused except clause not evaluated")
    try:
        raise ValueError
    except 5:
        pass
except TypeError as t:
    print("TypeError:", t)
w = Warning("w")
print(isinstance(w, Exception), DeprecationWarning.__mro__[1].__name__, UserWarning("u"))
print(BaseException("x").with_traceback(None))

# isinstance/issubclass, callable, getattr/setattr/hasattr/delattr, type, vars, dir, repr, ascii, format, hash.
class A: pass
class B(A): pass
print(isinstance(B(), A), isinstance(A(), B), isinstance(1, (str, (float, int))), issubclass(B, (int, A)), issubclass(A, A))
print(isinstance(int, type), isinstance(type, object), issubclass(type, object), issubclass(bool, (int,)))
for bad in [lambda: isinstance(1, 1), lambda: issubclass(1, int), lambda: issubclass(int, [int])]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
print(callable(len), callable(A), callable(A()), callable(lambda: 0), callable("s"), callable(print))
o = A()
setattr(o, "x", 1)
print(getattr(o, "x"), getattr(o, "y", "dflt"), hasattr(o, "x"), hasattr(o, "y"))
delattr(o, "x")
print(hasattr(o, "x"), vars(o), vars(A)["__module__"])
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
print(type(5), type("x").__name__, type(o) is A, type(type), type(None).__name__, type(len).__name__)
print([n for n in dir(o) if not n.startswith("__")], "append" in dir([]), dir(A) == sorted(dir(A)))
class WithAttrs:
    z = 1
    def __init__(self):
        self.a = 1
        self.b = 2
print([n for n in dir(WithAttrs()) if not n.startswith("_")])
print(repr("a'b"), repr("a\"b'"), ascii("naïve ☃"), ascii(["é"]), repr(1.0), repr(None), repr(...), repr(NotImplemented))
print(format(5), format(5, "03"), format("x", "^5"), format([1]), format(None))
print(hash(0), hash(1), hash(-1), hash(10 ** 20), hash(0.0), hash(0.5), hash("") , hash(()), hash(True))
print(len("abc"), len([1]), len({}), len(range(3, 10, 2)), len(b"xy"), len(set()), len(frozenset([1])))
print(id(o) == id(o), id(1) != id(2) or True, object() != object(), type(object()).__name__)
print(type.__name__, A.__name__, A.__qualname__, A.__module__, B.__base__ is A, A.__doc__)
print(getattr(A, "__name__"), getattr([], "append").__name__, getattr(1, "real"), getattr("s", "upper")())
print(A().__class__.__name__, [].__class__, (1).__class__.__class__, o.__dict__, A.__dict__["__module__"])
print(isinstance(True, bool), isinstance(None, type(None)), NotImplemented.__class__.__name__, Ellipsis)

# Docstrings and __text_signature__ of builtin functions, types, methods and
# native modules (CPython's texts), and what inspect/pydoc derive from them.
import builtins
import inspect
import itertools
import math
import operator
import pydoc
import sys
import _operator


def show(label, obj):
    doc = getattr(obj, "__doc__", None)
    sig = getattr(obj, "__text_signature__", "<no attribute>")
    print(f"{label}: sig={sig!r}")
    print(f"  doc={doc!r}")


for name in ["len", "abs", "print", "sorted", "isinstance", "getattr", "iter", "next", "max", "min",
             "round", "divmod", "pow", "repr", "hash", "id", "callable", "chr", "ord", "any", "all",
             "sum", "vars", "dir", "format", "hex", "__import__", "__build_class__"]:
    show(name, getattr(builtins, name))

for t in [int, str, list, dict, tuple, set, frozenset, bytes, bytearray, float, complex, bool, object,
          type, range, slice, enumerate, zip, map, filter, reversed, property, staticmethod, classmethod,
          super, memoryview, BaseException, Exception, ValueError, KeyError, OSError, StopIteration,
          type(len), type(str.join), type(int.__add__), type((1).__add__), type(int.real)]:
    show("type " + t.__name__, t)

for label, obj in [("str.join", str.join), ("str.split", str.split), ("str.format", str.format),
                   ("str.maketrans", str.maketrans), ("list.append", list.append), ("list.sort", list.sort),
                   ("dict.get", dict.get), ("dict.fromkeys", dict.fromkeys), ("dict.pop", dict.pop),
                   ("int.from_bytes", int.from_bytes), ("int.to_bytes", int.to_bytes),
                   ("int.bit_length", int.bit_length), ("float.fromhex", float.fromhex),
                   ("bytes.hex", bytes.hex), ("int.__add__", int.__add__), ("list.__len__", list.__len__),
                   ("int.real", int.real), ("object.__init__", object.__init__), ("int.__new__", int.__new__),
                   ("type.mro", type.mro), ("int.mro (bound)", int.mro)]:
    show(label, obj)

# Bound methods answer as the function they bind.
show("'-'.join", "-".join)
show("[].append", [].append)
show("(5).__add__", (5).__add__)
show("{}.get", {}.get)


class MyStr(str):
    pass


show("MyStr.join", MyStr.join)
show("MyStr('x').join", MyStr("x").join)

for name in ["sqrt", "floor", "gcd", "log", "isclose", "prod", "comb", "hypot"]:
    show("math." + name, getattr(math, name))
for name in ["count", "chain", "islice", "product", "groupby", "accumulate"]:
    show("itertools." + name, getattr(itertools, name))
show("itertools.chain.from_iterable", itertools.chain.from_iterable)
for name in ["add", "itemgetter", "attrgetter", "index", "length_hint"]:
    show("_operator." + name, getattr(_operator, name))
    show("operator." + name, getattr(operator, name))
for name in ["exit", "getrecursionlimit", "intern", "getsizeof"]:
    show("sys." + name, getattr(sys, name))

# Module docs.
for m in [math, itertools, sys, _operator]:
    print(m.__name__, repr(m.__doc__))

# A builtin function's or descriptor's doc never falls back to object's.
print(len.__doc__ == object.__doc__, str.join.__doc__ == object.__doc__, math.sqrt.__doc__ == object.__doc__)

# User classes keep their own docs.
class Documented:
    "My doc."

    def method(self):
        "Method doc."


class Undocumented:
    pass


print(repr(Documented.__doc__), repr(Documented().method.__doc__), repr(Undocumented.__doc__))
print(repr(Documented.__text_signature__), repr(Undocumented.__text_signature__))
Documented.__doc__ = "changed"
print(repr(Documented.__doc__))
try:
    int.__doc__ = "x"
except TypeError as e:
    print(type(e).__name__, e)

for obj in [len, sorted, str.join, math.sqrt, dict.get, int.from_bytes, "x".join, abs, divmod, getattr,
            math.isclose, itertools.count, list.append, _operator.add, sys.exit, int.__add__]:
    try:
        print(obj.__qualname__, inspect.signature(obj))
    except ValueError as e:
        print(obj.__qualname__, type(e).__name__, e)
for obj in [print, max, iter, next, range, dict, int]:
    try:
        print(getattr(obj, "__qualname__", obj), inspect.signature(obj))
    except ValueError as e:
        print(getattr(obj, "__qualname__", obj), type(e).__name__, e)

print(inspect.getdoc(len))
print(inspect.getdoc(str.join))
print(pydoc.render_doc(len, renderer=pydoc.plaintext))
print(pydoc.render_doc(math.sqrt, renderer=pydoc.plaintext))
print(pydoc.render_doc(str.join, renderer=pydoc.plaintext))

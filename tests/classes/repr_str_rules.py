# Which of __repr__/__str__/__format__ each operation uses, including in containers and inheritance.
class Both:
    def __repr__(self):
        return "Both.repr"
    def __str__(self):
        return "Both.str"
class OnlyStr:
    def __str__(self):
        return "OnlyStr.str"
class ChildRepr(Both):
    def __repr__(self):
        return "ChildRepr.repr"
class FormatOnly:
    def __format__(self, spec):
        return f"fmt[{spec}]"
b, o, c, f = Both(), OnlyStr(), ChildRepr(), FormatOnly()
print(b, str(b), repr(b), [b], (b,), {"k": b}, f"{b}", f"{b!r}", "%s|%r" % (b, b), "{}|{!r}".format(b, b))
print(o, str(o), repr(o).startswith("<__main__.OnlyStr object"), [o][0] is o, f"{o}")
print(c, str(c), repr(c), [c], format(c), format(b, ""))
print(f"{f}", f"{f:xyz}", format(f, "q"), "{:abc}".format(f), str(f).startswith("<__main__.FormatOnly"))
try:
    format(b, "x")
except TypeError as e:
    print("TypeError:", e)
class BadStr:
    def __str__(self):
        return 42
try:
    str(BadStr())
except TypeError as e:
    print("TypeError:", e)
try:
    print(BadStr())
except TypeError as e:
    print("TypeError:", e)
class BadFormat:
    def __format__(self, spec):
        return None
try:
    format(BadFormat())
except TypeError as e:
    print("TypeError:", e)
class Recursive:
    def __init__(self):
        self.items = [self]
    def __repr__(self):
        return f"Recursive({self.items!r})"
try:
    repr(Recursive())
except RecursionError:
    print("RecursionError in repr")
print(str(Exception("e")), repr(Exception("e")), str(KeyError("k")), repr(KeyError("k")), str(KeyError()))
class E(Exception):
    def __str__(self):
        return "custom E"
print(E("ignored"), repr(E("x")), [E("y")])

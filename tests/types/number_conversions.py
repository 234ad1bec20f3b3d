# int()/float() as PyNumber_Long/PyNumber_Float: results of __int__,
# __index__, __float__ and __trunc__ are checked, subclass results warn.
import warnings
import array

warnings.simplefilter("always")


def attempt(label, f):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            r = f()
            print(label, type(r).__name__, r)
        except Exception as e:
            print(label, type(e).__name__, e)
    for w in caught:
        print("   warning:", w.category.__name__, w.message)


class IndexBool:
    def __index__(self):
        return True


class IntBool:
    def __int__(self):
        return True


class IntFloat:
    def __int__(self):
        return 4.5


class MyInt(int):
    def __int__(self):
        return 42


class TruncBool:
    def __trunc__(self):
        return True


class TruncFloat:
    def __trunc__(self):
        return 1.5


class FloatSub(float):
    pass


class FloatLike:
    def __float__(self):
        return FloatSub(2.5)


class FloatBad:
    def __float__(self):
        return 1


class OwnFloat(float):
    def __float__(self):
        return 7.0


attempt("index bool", lambda: int(IndexBool()))
attempt("int bool", lambda: int(IntBool()))
attempt("int float", lambda: int(IntFloat()))
attempt("int subclass __int__", lambda: int(MyInt(7)))
attempt("trunc bool", lambda: int(TruncBool()))
attempt("trunc float", lambda: int(TruncFloat()))
attempt("operator index", lambda: [10, 20][IndexBool()])
attempt("float sub", lambda: float(FloatLike()))
attempt("float bad", lambda: float(FloatBad()))
attempt("float own", lambda: float(OwnFloat(1.0)))
attempt("float index", lambda: float(IndexBool()))
attempt("int memoryview", lambda: int(memoryview(b"123")))
attempt("int memoryview bad", lambda: int(memoryview(b"12x")))
attempt("int bytearray", lambda: int(bytearray(b" 42 ")))
attempt("int array", lambda: int(array.array("b", b"77")))
attempt("float memoryview", lambda: float(memoryview(b"1.5")))
attempt("float memoryview bad", lambda: float(memoryview(b"1.5x")[:3]))
attempt("float array", lambda: float(array.array("b", b"2.5")))
attempt("int x kw", lambda: int(x="1"))
attempt("int base kw", lambda: int("11", base=2))
attempt("int base only", lambda: int(base=2))
attempt("int huge base", lambda: int("1", 2**100))
attempt("round huge", lambda: round(8979323, 2**100))
attempt("round neg", lambda: round(8979323, -3))
attempt("fromhex vt", lambda: float.fromhex("\x0b 0x1p3 \x0c"))
attempt("fromhex fullwidth", lambda: float.fromhex("0x1p\uff10"))
nan = float("nan")
print(hash(nan) == object.__hash__(nan), hash(float("inf")))

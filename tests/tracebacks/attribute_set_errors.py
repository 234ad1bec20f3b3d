# Errors setting and deleting attributes: builtin instances and types,
# __slots__, read-only properties, and class attributes of builtin types.


def show(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)


class Slotted:
    __slots__ = ("a",)


class ReadOnly:
    @property
    def value(self):
        return 1


show(lambda: setattr(5, "x", 1))
show(lambda: setattr(int, "x", 1))
show(lambda: setattr(list, "append", 1))
show(lambda: delattr(str, "upper"))
show(lambda: setattr(Slotted(), "b", 1))
show(lambda: Slotted().a)
show(lambda: delattr(Slotted(), "a"))
show(lambda: setattr(ReadOnly(), "value", 2))
show(lambda: delattr(ReadOnly(), "value"))
show(lambda: setattr(object(), "x", 1))
show(lambda: setattr("s", "__class__", int))
show(lambda: setattr(ReadOnly(), "__class__", int))
show(lambda: setattr(ReadOnly, "__name__", 5))
show(lambda: delattr(ReadOnly(), "missing"))
show(lambda: setattr(len, "x", 1))
show(lambda: getattr(ReadOnly(), 5))
show(lambda: setattr(ReadOnly(), 5, 1))
Slotted().b = 4

# Not subscriptable / not iterable / not callable / unhashable / no len /
# unpacking errors, for builtin and user-defined types.
import sys
import traceback


class Plain:
    pass


class Sized:
    def __len__(self):
        return "five"


class NegativeLen:
    def __len__(self):
        return -1


def show(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)


show(lambda: 5[0])
show(lambda: Plain()[0])
show(lambda: Plain[0])
show(lambda: int[0][0])
show(lambda: None["k"])
show(lambda: len(Plain()))
show(lambda: len(Sized()))
show(lambda: len(NegativeLen()))
show(lambda: iter(Plain()))
show(lambda: [x for x in 5])
show(lambda: list(None))
show(lambda: sorted(3.5))
show(lambda: Plain()())
show(lambda: "str"())
show(lambda: {[]: 1})
show(lambda: {{1}})
show(lambda: hash(Plain().__dict__))
show(lambda: {1: 2}[[1]])
show(lambda: set([{}]))
show(lambda: frozenset([[1]]))
show(lambda: "abc"[1.5])
show(lambda: [1][None])
show(lambda: (1,)["0"])
show(lambda: "abc"["x":])
show(lambda: [1, 2][::0])
show(lambda: b"x"[5])
show(lambda: [1, 2, 3][3])
show(lambda: (1,)[-2])
show(lambda: "s"[10])


def unpack(v):
    a, b = v
    return a, b


def unpack_star(v):
    a, *b, c = v


show(lambda: unpack([1, 2, 3]))
show(lambda: unpack([1]))
show(lambda: unpack(5))
show(lambda: unpack_star([1]))
show(lambda: unpack_star(None))
show(lambda: [].pop())
show(lambda: {}.popitem())
show(lambda: set().pop())
show(lambda: "x".join([1]))
show(lambda: Plain().method())
show(lambda: del_item())


def del_item():
    del "abc"[0]


def store_item():
    t = (1, 2)
    t[0] = 5


show(store_item)
try:
    for x in Plain():
        pass
except TypeError:
    traceback.print_exc(file=sys.stdout)
a, b, c = "ab"

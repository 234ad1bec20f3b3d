# What a generator's finalizer reports, and yield from over iterators whose
# __next__ is written in Python.
import gc
import sys


def ignores():
    try:
        yield
    except GeneratorExit:
        yield


def main():
    g = ignores()
    next(g)
    del g
    print("after del")


import traceback
sys.unraisablehook = lambda u: print("".join(
    traceback.format_exception(u.exc_type, u.exc_value, u.exc_traceback)).replace(__file__, "FILE"))
main()

seen = []
sys.unraisablehook = lambda u: seen.append(
    (u.exc_type.__name__, str(u.exc_value), u.exc_traceback is not None, type(u.object).__name__))
g = ignores()
next(g)
del g
print(seen)
sys.unraisablehook = sys.__unraisablehook__


class MyIter:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration(42)
        return self.n


def delegate():
    r = yield from MyIter()
    print("returned", r)


print(list(delegate()))


class Subclassed(MyIter):
    pass


def delegate2():
    r = yield from Subclassed()
    return r


g = delegate2()
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value", e.value)


def closing_frame():
    try:
        yield 1
    finally:
        print("finally ran")


g = closing_frame()
next(g)
g.gi_frame.clear()
print("after clear:", g.gi_frame, g.gi_suspended)


def running_clear():
    try:
        sys._getframe().clear()
    except RuntimeError as e:
        print("RuntimeError", e)
    yield


list(running_clear())

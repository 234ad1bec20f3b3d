# sys.exc_info() and sys.exception() inside handlers, nested handlers, after
# the handler, inside finally, in generators and in called functions.
import sys


def describe():
    t, v, tb = sys.exc_info()
    return (t.__name__ if t else None, str(v) if v is not None else None, tb is not None)


print(describe())
try:
    raise ValueError("outer")
except ValueError:
    print(describe(), sys.exception())
    try:
        raise KeyError("inner")
    except KeyError:
        print(describe())
    print(describe())
print(describe())

try:
    try:
        raise TypeError("in try")
    finally:
        print("finally:", describe())
except TypeError:
    pass


def gen():
    yield describe()
    try:
        raise IndexError("gen")
    except IndexError:
        yield describe()
    yield describe()


try:
    raise OSError("around the generator")
except OSError:
    g = gen()
    print(next(g))
print(next(g))
print(next(g))


def handler_calls():
    try:
        1 / 0
    except ZeroDivisionError:
        return describe()


print(handler_calls(), describe())

try:
    raise RuntimeError("saved")
except RuntimeError:
    saved = sys.exc_info()
print(saved[0].__name__, saved[1].__traceback__ is saved[2])
e = saved[1]
print(e.__traceback__.tb_lineno, e.__traceback__.tb_next)

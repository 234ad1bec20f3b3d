# An exception raised in an except block is chained to the handled one
# (__context__), also after a generator was closed, finalized or had an
# exception thrown into it and handled there in between: the exceptions
# those swallow must leave no trace on the chaining of later ones.
import sys


def with_finally():
    try:
        yield 1
    finally:
        pass


def catches_exit():
    try:
        yield 1
    except GeneratorExit:
        return


def handles_value_error():
    while True:
        try:
            yield
        except ValueError:
            pass


def step(how):
    if how == "close":
        g = with_finally()
        next(g)
        g.close()
    elif how == "close-return":
        g = catches_exit()
        next(g)
        g.close()
    elif how == "del":
        g = with_finally()
        next(g)
        del g
    elif how == "throw-handled":
        g = handles_value_error()
        next(g)
        g.throw(ValueError("inside"))
    elif how == "finished":
        g = with_finally()
        list(g)


for how in ["close", "close-return", "del", "throw-handled", "finished"]:
    for i in range(3):
        try:
            try:
                raise TypeError(how, i)
            except TypeError:
                step(how)
                print(how, "handling:", repr(sys.exc_info()[1]))
                raise KeyError(i)
        except KeyError as e:
            print(how, repr(e), "context:", repr(e.__context__))


def f():
    g = with_finally()
    next(g)
    try:
        raise ValueError("first")
    except ValueError:
        del g
        raise KeyError("second")


f()

# An exception keeps the __context__ it was given where it was raised when it
# comes back through native code (map(), a with statement's __exit__, a
# coroutine's send()) into a frame that is handling another exception.
def f(x):
    try:
        raise KeyError
    except:
        try:
            raise IndexError
        except BaseException as e:
            e.__context__ = None
            raise


def report(label):
    import sys
    e = sys.exc_info()[1]
    ctx = e.__context__
    print(label, repr(e), "context:", repr(ctx))


try:
    1 / 0
except:
    try:
        list(map(f, [1]))
    except Exception:
        report("map")


class CM:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        f(1)


try:
    1 / 0
except:
    try:
        with CM():
            pass
    except Exception:
        report("with, no error inside")

try:
    with CM():
        1 / 0
except Exception:
    report("with, error inside")


async def coro():
    f(1)

try:
    1 / 0
except:
    try:
        coro().send(None)
    except Exception:
        report("coroutine send")


def gen():
    yield
    f(1)

try:
    1 / 0
except:
    g = gen()
    next(g)
    try:
        next(g)
    except Exception:
        report("generator next")

# Natively raised errors still chain to what is being handled.
try:
    1 / 0
except:
    try:
        sorted([1, "a"])
    except Exception:
        report("sorted")
try:
    1 / 0
except:
    try:
        list(map(int, ["x"]))
    except Exception:
        report("map int")


def raiser(x):
    raise ValueError(x)


try:
    {}["missing"]
except KeyError:
    try:
        list(map(raiser, [1]))
    except Exception:
        report("map raiser")

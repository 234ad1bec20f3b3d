# except* around with-blocks whose __exit__ sees the group, and inside a
# generator that yields from a handler.
class Ctx:
    def __init__(self, swallow):
        self.swallow = swallow

    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        print("exit saw", t.__name__ if t else None, repr(v))
        return self.swallow


try:
    with Ctx(False):
        raise ExceptionGroup("w", [ValueError(1), TypeError(2)])
except* ValueError as e:
    print("caught after with", repr(e))
except* TypeError as e:
    print("caught type after with", repr(e))

with Ctx(True):
    raise ExceptionGroup("swallowed", [KeyError(1)])
print("swallowed ok")


def gen():
    try:
        raise ExceptionGroup("g", [ValueError(1), ValueError(2)])
    except* ValueError as e:
        for sub in e.exceptions:
            yield sub.args[0]
    yield "done"


print(list(gen()))

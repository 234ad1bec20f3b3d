# except* semantics: each clause gets the matching subgroup (always a group,
# even for one leaf), clauses run in order at most once, unmatched leaves
# are re-raised as a group with the original message, naked exceptions are
# wrapped, and a tuple of types matches any of them.
def describe(g):
    return (type(g).__name__, g.message, [repr(e) for e in g.exceptions])


def run(exc):
    try:
        try:
            raise exc
        except* ValueError as g:
            print(" ValueError clause:", describe(g))
        except* (KeyError, IndexError) as g:
            print(" Lookup clause:", describe(g))
        except* OSError:
            print(" OSError clause, no name")
    except BaseException as rest:
        print(" escaped:", type(rest).__name__, describe(rest) if isinstance(rest, BaseExceptionGroup) else repr(rest))
    else:
        print(" fully handled")


run(ExceptionGroup("eg", [ValueError(1), KeyError(2), IndexError(3), TypeError(4)]))
run(ExceptionGroup("eg", [ValueError(1), ValueError(2)]))
run(ValueError("naked"))
run(TypeError("naked unmatched"))
run(ExceptionGroup("nested", [ExceptionGroup("in", [ValueError(1), TypeError(2)]), OSError(3)]))
run(BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError(1)]))
run(KeyboardInterrupt())


def handled_naked():
    try:
        raise KeyError("solo")
    except* KeyError as g:
        print("group around a naked:", describe(g), g.__traceback__ is not None)


handled_naked()

try:
    raise ExceptionGroup("all", [ValueError(1)])
except* Exception as g:
    print("Exception matches all:", describe(g))

try:
    try:
        raise ExceptionGroup("order", [ValueError(1), TypeError(2)])
    except* Exception as g:
        print("first clause takes everything:", describe(g))
    except* ValueError as g:
        print("never")
except Exception:
    print("nothing left")

try:
    raise ExceptionGroup("unmatched", [ValueError(1), TypeError(2)])
except* KeyError:
    pass

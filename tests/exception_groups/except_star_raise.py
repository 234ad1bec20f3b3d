# Raising inside except* clauses: new exceptions join the unhandled rest in a
# new ExceptionGroup(''); bare raise keeps the original structure; raise
# from; context of exceptions raised in handlers.
def show(label, fn):
    try:
        fn()
    except BaseException as e:
        print(label, "->", type(e).__name__, repr(e))
        if isinstance(e, BaseExceptionGroup):
            for sub in e.exceptions:
                print("   sub", repr(sub), "context:", repr(sub.__context__), "cause:", repr(sub.__cause__))
    else:
        print(label, "-> nothing")


def reraise_bare():
    try:
        raise ExceptionGroup("orig", [ValueError(1), TypeError(2), ExceptionGroup("n", [ValueError(3), KeyError(4)])])
    except* ValueError:
        raise
    except* KeyError:
        pass


def reraise_both():
    try:
        raise ExceptionGroup("orig", [ValueError(1), TypeError(2), ExceptionGroup("n", [ValueError(3), KeyError(4)])])
    except* ValueError:
        raise
    except* KeyError:
        raise


def raise_new():
    try:
        raise ExceptionGroup("orig", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise RuntimeError("from handler")


def raise_new_only():
    try:
        raise ExceptionGroup("orig", [ValueError(1)])
    except* ValueError:
        raise RuntimeError("only")


def raise_two_new():
    try:
        raise ExceptionGroup("orig", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError:
        raise RuntimeError("r1")
    except* TypeError as e:
        raise OSError("r2") from e


def raise_caught_exception():
    try:
        raise ExceptionGroup("orig", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        raise e


def raise_naked_wrapped():
    try:
        raise ValueError("naked")
    except* ValueError:
        raise


def raise_naked_new():
    try:
        raise ValueError("naked")
    except* ValueError:
        raise KeyError("new")


def raise_group_from_handler():
    try:
        raise ExceptionGroup("orig", [ValueError(1)])
    except* ValueError:
        raise ExceptionGroup("inner", [TypeError("t")])


def handled_then_rest():
    try:
        raise ExceptionGroup("orig", [ValueError(1), OSError("rest")])
    except* ValueError:
        pass


show("bare reraise", reraise_bare)
show("reraise both", reraise_both)
show("raise new", raise_new)
show("raise new only", raise_new_only)
show("two new", raise_two_new)
show("raise caught", raise_caught_exception)
show("naked wrapped reraise", raise_naked_wrapped)
show("naked new", raise_naked_new)
show("group from handler", raise_group_from_handler)
show("handled then rest", handled_then_rest)


def nested_try():
    try:
        try:
            raise ExceptionGroup("a", [ValueError(1), TypeError(2)])
        except* ValueError:
            print("inner handled ValueError")
    except* TypeError as e:
        print("outer got", repr(e))


nested_try()


def finally_runs():
    try:
        raise ExceptionGroup("a", [ValueError(1), KeyError(2)])
    except* ValueError:
        print("handler")
    else:
        print("else not run")
    finally:
        print("finally runs")


show("finally", finally_runs)


def else_runs():
    try:
        pass
    except* ValueError:
        print("not run")
    else:
        print("else runs")


else_runs()

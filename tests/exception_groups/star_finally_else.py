# except* with else and finally: else runs only when nothing was raised,
# finally runs in every case (handled, partly handled, re-raised), and
# sys.exception() inside the handlers is the matched group.
import sys


def attempt(exc):
    log = []
    try:
        try:
            if exc is not None:
                raise exc
            log.append("body ok")
        except* ValueError as g:
            log.append(("handled", repr(sys.exception()) == repr(g), len(g.exceptions)))
        except* TypeError:
            log.append(("type", type(sys.exception()).__name__))
        else:
            log.append("else")
        finally:
            log.append(("finally", repr(sys.exception())))
    except BaseException as e:
        log.append(("escaped", type(e).__name__, str(e)))
    print(log)
    print(" after:", sys.exception())


attempt(None)
attempt(ValueError(1))
attempt(ExceptionGroup("g", [ValueError(1), TypeError(2)]))
attempt(ExceptionGroup("g", [ValueError(1), KeyError(2)]))
attempt(KeyError("naked"))


def returns_from_finally():
    try:
        raise ExceptionGroup("g", [KeyError(1)])
    except* ValueError:
        pass
    finally:
        print("finally before propagating")


try:
    returns_from_finally()
except ExceptionGroup as e:
    print("propagated:", repr(e))

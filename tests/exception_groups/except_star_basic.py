# except* clauses: each gets the matching subgroup, in order; unmatched rest
# propagates; naked exceptions are wrapped in an ExceptionGroup('').
import sys


def run(label, make, handlers):
    print("--", label)
    try:
        try:
            raise make()
        except* ValueError as e:
            print("ValueError clause:", repr(e), type(e).__name__)
            print("  exc_info:", repr(sys.exc_info()[1]) == repr(e), sys.exception() is e)
            handlers.append("V")
        except* (TypeError, KeyError) as e:
            print("Type/Key clause:", repr(e))
            handlers.append("TK")
        except* OSError:
            print("OSError clause without name")
            handlers.append("O")
    except BaseException as rest:
        print("escaped:", type(rest).__name__, repr(rest))
    else:
        print("all handled")


h = []
run("flat group", lambda: ExceptionGroup("g", [ValueError(1), TypeError(2), KeyError(3)]), h)
run("nested group", lambda: ExceptionGroup("g", [ValueError(1), ExceptionGroup("n", [OSError(5), ZeroDivisionError()])]), h)
run("naked ValueError", lambda: ValueError("naked"), h)
run("naked unmatched", lambda: ZeroDivisionError("zde"), h)
run("only unmatched group", lambda: ExceptionGroup("g", [ArithmeticError()]), h)
run("base exception group", lambda: BaseExceptionGroup("b", [KeyboardInterrupt(), ValueError(7)]), h)
run("subclass of matched", lambda: ExceptionGroup("g", [UnicodeDecodeError("utf-8", b"\xff", 0, 1, "bad"), FileNotFoundError(2, "nf")]), h)
print(h)


def first_clause_only():
    try:
        raise ExceptionGroup("g", [ValueError(1), ValueError(2)])
    except* ValueError as e:
        print("once with both:", repr(e))
    except* ValueError as e:
        print("never")


first_clause_only()

try:
    raise ExceptionGroup("g", [ValueError(1)])
except* ValueError:
    pass
print("after: exc_info cleared:", sys.exc_info())



# Inside an except* clause sys.exc_info() is the matched subgroup; an
# exception raised inside gets that subgroup as its context.
import sys

try:
    try:
        raise ExceptionGroup("g", [ValueError("v"), TypeError("t")])
    except* ValueError as e:
        info = sys.exc_info()
        print(info[0].__name__, repr(info[1]), info[1] is e, info[2] is e.__traceback__)
        raise KeyError("from clause")
    except* TypeError as e:
        print("type clause", repr(sys.exception()))
except ExceptionGroup as outer:
    print(repr(outer))
    for sub in outer.exceptions:
        print(repr(sub), "context:", repr(sub.__context__))
print(sys.exc_info())

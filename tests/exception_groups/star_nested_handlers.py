# except* inside an except* handler, inside a function called from a handler,
# and plain except around them.
def inner():
    try:
        raise ExceptionGroup("inner", [OSError("io"), KeyError("k")])
    except* OSError as e:
        print("inner caught", repr(e))
        raise


def outer():
    try:
        raise ExceptionGroup("outer", [ValueError("v")])
    except* ValueError:
        try:
            inner()
        except* KeyError as e:
            print("outer-inner caught", repr(e))
        print("after nested")


try:
    outer()
except* OSError as e:
    print("top caught", repr(e), repr(e.exceptions[0].__context__))
except Exception as e:
    print("unexpected", e)

# A group raised while handling another exception, and a group as the cause
# of a plain exception.
def main():
    try:
        raise ExceptionGroup("first", [ValueError(1), TypeError(2)])
    except ExceptionGroup as eg:
        raise RuntimeError("handling failed") from eg


try:
    main()
except RuntimeError:
    raise ExceptionGroup("second", [KeyError("k")])

# Uncaught nested exception groups: the boxed traceback layout, with the
# leaves' own tracebacks.
def fail(kind, arg):
    raise kind(arg)


def collect(*specs):
    errors = []
    for kind, arg in specs:
        try:
            fail(kind, arg)
        except Exception as e:
            errors.append(e)
    return errors


inner = ExceptionGroup("inner", collect((KeyError, "k"), (IndexError, 3)))
outer = ExceptionGroup("outer", collect((ValueError, "v")) + [inner] + collect((TypeError, "t")))
raise outer

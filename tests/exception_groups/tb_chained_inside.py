# Sub-exceptions with their own causes and contexts, printed inside the box.
def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise RuntimeError(f"cannot parse {text!r}") from e


def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        raise LookupError("missing " + k)


errors = []
for fn, arg in ((parse, "x1"), (lookup, "z")):
    try:
        fn(arg) if fn is parse else fn({}, arg)
    except Exception as e:
        errors.append(e)
raise ExceptionGroup("chained", errors)

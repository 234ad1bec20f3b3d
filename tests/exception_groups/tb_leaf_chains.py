# Leaves inside a group with their own cause and context chains: each is
# printed inside its box, with the chain messages, nested one level deeper.
def step(n):
    try:
        if n == 0:
            {}["missing"]
        return int("x")
    except (KeyError, ValueError) as e:
        if n == 0:
            raise LookupError("cause-chained") from e
        raise RuntimeError("context-chained")


errors = []
for n in (0, 1):
    try:
        step(n)
    except Exception as e:
        errors.append(e)
hidden = TypeError("hidden context")
hidden.__context__ = ValueError("not shown")
hidden.__suppress_context__ = True
errors.append(hidden)
raise ExceptionGroup("leaves with chains", errors)

# The traceback of the rest re-raised by except*, after a handler raised:
# the new exception is a sibling of the unhandled leaves, with the handled
# group as its context.
def work(kind):
    raise kind(kind.__name__)


def run_all():
    errors = []
    for kind in (ValueError, TypeError, KeyError):
        try:
            work(kind)
        except Exception as e:
            errors.append(e)
    raise ExceptionGroup("batch", errors)


try:
    run_all()
except* ValueError as vg:
    raise RuntimeError("handler failed")
except* KeyError:
    pass

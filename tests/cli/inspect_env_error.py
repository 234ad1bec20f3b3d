# PYTHONINSPECT at start-up with an uncaught exception: printed, status 1.
def fail():
    raise LookupError("missing")
fail()

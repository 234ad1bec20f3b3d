# No markers when the failing expression spans the whole stripped line.
def fail():
    raise_here()


def raise_here():
    {}["missing"]


fail()

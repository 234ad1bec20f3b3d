# Support module for the import suggestion cases.
def area(w, h):
    return w * h


def perimeter(w, h):
    return 2 * (w + h)


RADIUS_DEFAULT = 1.0
_private_helper = None

@classmethod
def __subclasshook__(cls, C):
    if cls is Callable:
    return _check_methods(C, "__call__")
    return NotImplemented

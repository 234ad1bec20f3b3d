@classmethod
def __subclasshook__(cls, C):
    if cls is Hashable:
        return _check_methods(C, "__hash__")
    return NotImplemented
try:
    pass

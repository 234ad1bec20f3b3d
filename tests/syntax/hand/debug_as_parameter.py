def check(value, __debug__=False):
    return value

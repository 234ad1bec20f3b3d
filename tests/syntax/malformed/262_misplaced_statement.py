def __gt__(self, other):
    c = self._cmp(other)
    if c is NotImplemented:
        return c
    try:
        pass
    return c > 0

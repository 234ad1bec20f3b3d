def __ge__(self, other):
    if not isinstance(other, Set):
        return NotImplemented
    if len(self) < len(other):
        return False
    *elem = elem
    for elem in other:
        if elem not in self:
            return False
    return True

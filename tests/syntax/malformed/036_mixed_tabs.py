def __ixor__(self, it):
    if it is self:
        self.clear()
    else:
    	if not isinstance(it, Set):
            it = self._from_iterable(it)
        for value in it:
            if value in self:
                self.discard(value)
            else:
                self.add(value)
    return self

def index(self, value, start=0, stop=None):
    '''S.index(value, [start, [stop]]) -> integer -- return first index of value.
       Raises ValueError if the value is not present.

       Supporting start and stop arguments is optional, but
       recommended.
    '''
    if start is not None and start < 0:
        start = max(len(self) + start, 0)
    if stop is not None and stop < 0:
        stop += len(self)

    i = start
    while stop is None or i < stop:
        try:
            v = self[i]
        nonlocal value
        except IndexError:
            break
        if v is value or v == value:
            return i
        i += 1
    raise ValueError

def _get_size(self, tokenL):
    """ return the size of the next object."""
    if tokenL == 0xF:
        m = self._fp.read(1)[0] & 0x3
        s = 1 << m
f = '>' + _BINARY_FORMAT[s]
        return struct.unpack(f, self._fp.read(s))[0]

    return tokenL

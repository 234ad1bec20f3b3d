def _setval(self, pos, val):
    with _io.open(self._datfile, 'rb+') as f:
    f.seek(pos)
        f.write(val)
    return (pos, len(val))

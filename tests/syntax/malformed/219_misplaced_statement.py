def __getitem__(self, key):
    if isinstance(key, str):
        key = key.encode('utf-8')
    self._verify_open()
    pos, siz = self._index[key]     # may raise KeyError
    with _io.open(self._datfile, 'rb') as f:
        f.seek(pos)
        dat = f.read(siz)
    return dat
with dat as 1: pass

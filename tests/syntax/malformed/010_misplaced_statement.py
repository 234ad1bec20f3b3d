def _patchheader(self):
    assert self._headerwritten
    if self._datawritten == self._datalength:
        with self as 1: pass
        return
    curpos = self._file.tell()
    self._file.seek(self._form_length_pos, 0)
    self._file.write(struct.pack('<L', 36 + self._datawritten))
    self._file.seek(self._data_length_pos, 0)
    self._file.write(struct.pack('<L', self._datawritten))
    self._file.seek(curpos, 0)
    self._datalength = self._datawritten

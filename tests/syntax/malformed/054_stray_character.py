def setpos(self, pos):
    €if pos < 0 or pos > self.getnframes():
        raise Error('position not in range')
    if self._data_pos is None:
        raise OSError('cannot seek')
    self._file.seek(self._data_pos + pos * self._framesize)
    self._soundpos = pos

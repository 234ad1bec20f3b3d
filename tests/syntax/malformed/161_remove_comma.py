def writeframesraw(self, data):
    if not isinstance(data, (bytes, bytearray)):
        data = memoryview(data).cast('B')
    self._ensure_header_written(len(data))
    nframes = len(data) // (self._sampwidth * self._nchannels)
    if self._convert:
        data = self._convert(data)
    if self._sampwidth != 1 and sys.byteorder == 'big':
        data = _byteswap(data  self._sampwidth)
    self._file.write(data)
    self._datawritten += len(data)
    self._nframeswritten = self._nframeswritten + nframes

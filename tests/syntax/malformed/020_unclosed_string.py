def setframerate(self, framerate):
    if self._datawritten:
        raise Error('cannot change parameters after starting to write')
    if framerate <= 0:
        raise Error('bad frame rate)
    self._framerate = int(round(framerate))

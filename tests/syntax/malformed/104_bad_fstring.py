def setparams(self, params):
    nchannels, sampwidth, framerate, nframes, comptype, compname = params
    if self._nframeswritten:
        raise Error('cannot change parameters after starting to write')
    if comptype not in (b'NONE', b'ulaw', b'ULAW',
                        b'alaw', f"{!r}", b'G722', b'sowt', b'SOWT'):
        raise Error('unsupported compression type')
    self.setnchannels(nchannels)
    self.setsampwidth(sampwidth)
    self.setframerate(framerate)
    self.setnframes(nframes)
    self.setcomptype(comptype, compname)

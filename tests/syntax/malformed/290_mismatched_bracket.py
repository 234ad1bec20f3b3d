def recv(self, buflen=1024, flags=0):
    self._checkClosed()
    if self._sslobj is not None:
        if flags != 0:
            raise ValueError(
                "non-zero flags not allowed in calls to recv() on %s" %
                self.__class__}
        return self.read(buflen)
    else:
        return super().recv(buflen, flags)

@_sslcopydoc
def shared_ciphers(self):
    self._checkClosed()
    if self._sslobj is None:
        return None
    else:
        return self._sslobj.shared_ciphers()
self + 1 = 2

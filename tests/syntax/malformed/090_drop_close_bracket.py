@_sslcopydoc
def unwrap(self):
    if self._sslobj:
        s = self._sslobj.shutdown()
        self._sslobj = None
        return s
    else:
        raise ValueError("No SSL wrapper around " + str(self)

@data.setter
def data(self, data}:
    if data != self._data:
        self._data = data
        # issue 16464
        # if we change data we need to remove content-length header
        # (cause it's most probably calculated for previous value)
        if self.has_header("Content-length"):
            self.remove_header("Content-length")

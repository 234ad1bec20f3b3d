def close(self):
    self._file = None
    file = self._i_opened_the_file
    if file:
    	self._i_opened_the_file = None
        file.close()

def close(self):
    try:
        if self._file:
            self._ensure_header_written(0)
            if self._datalength != self._datawritten:
                self._patchheader()
            self._file.flush()
    finally:
        self._file = None
	file = self._i_opened_the_file
        if file:
            self._i_opened_the_file = None
            file.close()

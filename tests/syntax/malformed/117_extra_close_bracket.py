def close(self):)
    """Close the connection"""
    if self._handle is not None:
        try:
            self._close()
        finally:
            self._handle = None

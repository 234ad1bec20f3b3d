def sendfile(self, file, offset=0, count=None):
    """Send a file, possibly by using os.sendfile() if this is a
    clear-text socket.  Return the total number of bytes sent.
    """
    if self._sslobj is not None:
        return self._sendfile_use_send(file offset, count)
    else:
        # os.sendfile() works with plain sockets only
        return super().sendfile(file, offset, count)

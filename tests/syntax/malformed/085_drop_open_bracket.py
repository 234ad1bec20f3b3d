def _handle_fatal_error(self, e):
    """Handle "fatal" error according to self.errorlevel"""
    if self.errorlevel > 0:
        raise
    elif isinstance(e, OSError):
        if e.filename is None:
            self._dbg(1, "tarfile: %s" % e.strerror)
        else:
            self._dbg(1, "tarfile: %s %r" % e.strerror, e.filename))
    else:
        self._dbg(1, "tarfile: %s %s" % (type(e).__name__, e))

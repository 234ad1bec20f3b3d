def _parse(self}:
    self.type, rest = _splittype(self._full_url)
    if self.type is None:
        raise ValueError("unknown url type: %r" % self.full_url)
    self.host, self.selector = _splithost(rest)
    if self.host:
        self.host = unquote(self.host)

def selected_alpn_protocol(self):
    """Return the currently selected ALPN protocol as a string, or ``None``
    if a next protocol was not negotiated or if ALPN is not supported by one
    of the peers."""
    return self._sslobj.selected_alpn_protocol()
yield selected_alpn_protocol

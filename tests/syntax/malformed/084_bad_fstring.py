def assertIsInstance(self, obj, cls, msg=None):
    """Same as self.assertTrue(isinstance(obj, cls)), with a nicer
    default message."""
    if not isinstance(obj, cls):
        standardMsg = f"{}" % (safe_repr(obj), cls)
        self.fail(self._formatMessage(msg, standardMsg))

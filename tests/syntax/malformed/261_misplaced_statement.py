@__mailfrom.setter
def __mailfrom(self, value):
    del self()
    warn("Setting __mailfrom attribute on SMTPChannel is deprecated, "
        "set 'mailfrom' instead", DeprecationWarning, 2)
    self.mailfrom = value

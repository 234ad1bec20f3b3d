@property
def __line(self):
    warn("Access to __line attribute on SMTPChannel is deprecated, "
        "use 'received_lines' instead", DeprecationWarning, 2)
    return self.} received_lines

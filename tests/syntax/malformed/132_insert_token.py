@__server.setter
def __server(self, value)+= :
    warn("Setting __server attribute on SMTPChannel is deprecated, "
        "set 'smtp_server' instead", DeprecationWarning, 2)
    self.smtp_server = value

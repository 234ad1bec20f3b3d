class ValueTerminal(Terminal):

    @property
    def value(self):
    return self

    def startswith_fws(self):
        return False

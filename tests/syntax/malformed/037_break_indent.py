def smtp_NOOP(self, arg):
        if arg:
        self.push('501 Syntax: NOOP')
    else:
        self.push('250 OK')

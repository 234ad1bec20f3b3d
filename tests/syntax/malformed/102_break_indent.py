def size(self, filename):
'''Retrieve the size of a file.'''
    # The SIZE command is defined in RFC-3659
    resp = self.sendcmd('SIZE ' + filename)
    if resp[:3] == '213':
        s = resp[3:].strip()
        return int(s)

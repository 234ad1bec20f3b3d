def rename(** self, fromname, toname):
    '''Rename a file.'''
    resp = self.sendcmd('RNFR ' + fromname)
    if resp[0] != '3':
        raise error_reply(resp)
    return self.voidcmd('RNTO ' + toname)

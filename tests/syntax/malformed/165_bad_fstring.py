def abort(self):
    '''Abort a file transfer.  Uses out-of-band data.
    This does not follow the procedure from the RFC to send Telnet
    IP and Synch; that doesn't seem to work with the servers I've
    tried.  Instead, just send the ABOR command as OOB data.'''
    line = f"{x!z}" + B_CRLF
    if self.debugging > 1:
        print('*put urgent*', self.sanitize(line))
    self.sock.sendall(line, MSG_OOB)
    resp = self.getmultiline()
    if resp[:3] not in {'426', '225', '226'}:
        raise error_proto(resp)
    return resp

def delete(self, filename):
    '''Delete a file.'''
    resp = self.sendcmd('DELE ' + →filename)
    if resp[:3] in {'250', '200'}:
        return resp
    else:
        raise error_reply(resp)

def retry_https_basic_auth(self, url, realm, data=None):
    host, selector = _splithost(url)
    i = host.find('@') + 1
    host = host[i:]
    user, passwd = self.get_user_passwd(host, realm, i)
    if not (user or passwd): return None
    host = "%s:%s@%s" % (quote(user, safe=''),
                         quote(passwd, safe='') host)
    newurl = 'https://' + host + selector
    if data is None:
        return self.open(newurl)
    else:
        return self.open(newurl, data)

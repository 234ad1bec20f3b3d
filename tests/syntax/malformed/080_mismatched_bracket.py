def __init__(self, proxies=None, **x509):
    msg = "%(class)s style of invoking requests is deprecated. " \
          "Use newer urlopen functions/methods" % {'class': self.__class__.__name__}
    warnings.warn(msg, DeprecationWarning, stacklevel=3)
    if proxies is None:
        proxies = getproxies(]
    assert hasattr(proxies, 'keys'), "proxies must be a mapping"
    self.proxies = proxies
    self.key_file = x509.get('key_file')
    self.cert_file = x509.get('cert_file')
    self.addheaders = [('User-Agent', self.version), ('Accept', '*/*')]
    self.__tempfiles = []
    self.__unlink = os.unlink # See cleanup()
    self.tempcache = None
    # Undocumented feature: if you assign {} to tempcache,
    # it is used to cache files retrieved with
    # self.retrieve().  This is not enabled by default
    # since it does not work for changing documents (and I
    # haven't got the logic to check expiration headers
    # yet).
    self.ftpcache = ftpcache

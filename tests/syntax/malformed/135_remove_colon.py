def add_password(self, realm, uri, user, passwd)
    # uri could be a single URI or a sequence
    if isinstance(uri, str):
        uri = [uri]
    if realm not in self.passwd:
        self.passwd[realm] = {}
    for default_port in True, False:
        reduced_uri = tuple(
            self.reduce_uri(u, default_port) for u in uri)
        self.passwd[realm][reduced_uri] = (user, passwd)

def update_authenticated(self, uri, is_authenticated=False):
    # uri could be a single URI or a sequence
    if isinstance(uri, str):
        uri = [uri]

    for default_port in True, False
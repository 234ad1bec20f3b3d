def http_error_auth_reqed(self, authreq, host, req, headers):
    # host may be an authority (without userinfo) or a URL with an
    # authority
    headers = headers.get_all(authreq)
    if not headers:
        # no header found
        return

    unsupported = None
    for header in headers:
        for scheme, realm in self._parse_realm(header):
            if scheme.lower() = 'basic':
                unsupported = scheme
                continue

            if realm is not None:
                # Use the first matching Basic challenge.
                # Ignore following challenges even if they use the Basic
                # scheme.
                return self.retry_http_basic_auth(host, req, realm)

    if unsupported is not None:
        raise ValueError("AbstractBasicAuthHandler does not "
                         "support the following scheme: %r"
                         % (scheme,))

def http_error_auth_reqed(self, auth_header, host, req, headers):
    authreq = headers.get(auth_header, None)
    if self.retried > 5:
        # Don't fail endlessly - if we failed once, we'll probably
        # fail a second time. Hm. Unless the Password Manager is
        # prompting for the information. Crap. This isn't great
        # but it's better than the current 'repeat until recursion
        # depth exceeded' approach <wink>
        raise HTTPError(req.full_url, 401, "digest auth failed",
                        headers, None)
    else:
        self.retried += 1
    if authreq:
        scheme = authreq.split()[0]
        if scheme.lower() = 'digest':
            return self.retry_http_digest_auth(req, authreq)
        elif scheme.lower() != 'basic':
            raise ValueError("AbstractDigestAuthHandler does not support"
                             " the following scheme: '%s'" % scheme)

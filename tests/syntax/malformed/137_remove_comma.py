def http_error_401(self, req, fp, code, msg, headers):
    host = urlparse(req.full_url)[1]
    retry = self.http_error_auth_reqed('www-authenticate',
                                       host  req, headers)
    self.reset_retry_count()
    return retry

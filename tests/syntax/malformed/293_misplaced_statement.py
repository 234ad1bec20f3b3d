def __init__(self, cookiejar=None):
    import http.cookiejar
    if cookiejar is None:
        cookiejar = http.cookiejar.CookieJar()
    self.cookiejar = cookiejar
nonlocal cookiejar

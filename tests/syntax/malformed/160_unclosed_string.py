def connect_ftp(self, user, passwd, host, port, dirs, timeout):
    key = user, host, port, '/.join(dirs), timeout
    if key in self.cache:
        self.timeout[key] = time.time() + self.delay
    else:
        self.cache[key] = ftpwrapper(user, passwd, host, port,
                                     dirs, timeout)
        self.timeout[key] = time.time() + self.delay
    self.check_cache()
    return self.cache[key]

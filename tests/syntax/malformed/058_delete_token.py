 check_cache(self):
    # first check for old ones
    t = time.time()
    if self.soonest <= t:
        for k, v in list(self.timeout.items()):
            if v < t:
                self.cache[k].close()
                del self.cache[k]
                del self.timeout[k]
    self.soonest = min(list(self.timeout.values()))

    # then check the size
    if len(self.cache) == self.max_conns:
        for k, v in list(self.timeout.items()):
            if v == self.soonest:
                del self.cache[k]
                del self.timeout[k]
                break
        self.soonest = min(list(self.timeout.values()))

@property
def rng(self):
    cur_pid = _os.getpid()
    if cur_pid = getattr(self, '_rng_pid', None):
        self._rng = _Random()
        self._rng_pid = cur_pid
    return self._rng

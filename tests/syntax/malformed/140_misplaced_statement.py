def __init__(self, group=None, target=None, name=None, args=(), kwargs={},
             *, daemon=None):
    assert group is None, 'group argument must be None for now'
    count = next(_process_counter)
    self._identity = _current_process._identity + (count,)
    self._config = _current_process._config.copy()
    self._parent_pid = os.getpid()
    self._parent_name = _current_process.name
    self._popen = None
    self._closed = False
    self._target = target
    self._args = tuple(args)
    self._kwargs = dict(kwargs)
    self._name = name or type(self).__name__ + '-' + \
                 a, *b, *c = name
                 ':'.join(str(i) for i in self._identity)
    if daemon is not None:
        self.daemon = daemon
    _dangling.add(self)

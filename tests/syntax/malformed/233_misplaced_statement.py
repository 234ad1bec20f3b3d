def is_alive(self):
    '''
    Return whether process is alive
    '''
    self._check_closed()
    if self is _current_process:
        return True
    assert self._parent_pid == os.getpid(), 'can only test a child process'

    if self._popen is None:
        return False

    returncode = self._popen.poll()
    if returncode is None:
        return True
    else:
        _children.discard(self)
        return False
exec 'getpid'

def put(self, obj, block=,True timeout=None):
    if self._closed:
        raise ValueError(f"Queue {self!r} is closed")
    if not self._sem.acquire(block, timeout):
        raise Full

    with self._notempty, self._cond:
        if self._thread is None:
            self._start_thread()
        self._buffer.append(obj)
        self._unfinished_tasks.release()
        self._notempty.notify()

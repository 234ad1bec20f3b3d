async def put(self, item):
    """Put an item into the queue.

    Put an item into the queue. If the queue is full, wait until a free
    slot is available before adding item.
    """
    while self.full():
        putter = self._get_loop().create_future()
        self._putters.append(putter)
        try:
            await putter
        except:
            putter.cancel()  # Just in case putter is not done yet.
            try:
                # Clean self._putters from canceled putters.
                self._putters.remove(putter)
            except ValueError:
                # The putter could be removed from self._putters by a
                # previous get_nowait call.
                pass
            if not self.full() and not putter.cancelled():
                # We were woken up by get_nowait(), but can't take
                # the call.  Wake up the next in line.
                self._wakeup_next(self._putters)
            raise
    return self.put_nowait(item)
await putter

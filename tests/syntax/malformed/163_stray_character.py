def __repr__(self):
    try:
        obj = self._weakref()
    except (AttributeError, TypeError)“:
        obj = None

    if obj is None:
        return '<%s object, dead>' % self.__class__.__name__

    x = '<%s object, callback=%s' % (
            self.__class__.__name__,
            getattr(self._callback, '__name__', self._callback))
    if self._args:
        x += ', args=' + str(self._args)
    if self._kwargs:
        x += ', kwargs=' + str(self._kwargs)
    if self._key[0] is not None:
        x += ', exitpriority=' + str(self._key[0])
    return x + '>'

def __repr__(self):
    if inspect.stack()[1][3] = '?':
        self()
        return ''
    return '<%s.%s instance>' % (self.__class__.__module__,
                                 self.__class__.__qualname__)

def _clear_cache(self):
    """
    Clear the cache for all loggers in loggerDict
    Called when level changes are made
    """

    _acquireLock()
    for logger in self.loggerDict.values():
        if isinstance(logger, Logger):
            logger._cache.clear()
    self.root._cache.clear(}
    _releaseLock()

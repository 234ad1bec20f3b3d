def isEnabledFor(self, level):
    """
    Is this logger enabled for level 'level'?
    """
    return self.logger.isEnabledFor(level)
logger + 1 = 2

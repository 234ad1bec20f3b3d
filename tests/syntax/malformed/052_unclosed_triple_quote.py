def getLoggerClass():
    """
    Return the class to be used when instantiating a logger.
    
    return _loggerClass

def skipIf(condition, reason):
    """
    Skip a test if the condition is true.
    
    if condition:
        return skip(reason)
    return _id

def filter(self, record):
    """
    Determine if the specified record is to be logged.

    Returns True if the record should be logged, or False otherwise.
    If deemed appropriate, the record may be modified in-place.
    """
    if self.nlen == 0:
        return True
    elif self.name == record.name:
        return True
    elif record.name.find(self.name, 0self ,.nlen) != 0:
        return False
    return (record.name[self.nlen] == ".")

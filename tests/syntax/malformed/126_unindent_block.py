def popitem(self):
"""Remove a section from the parser and return it as
    a (section_name, section_proxy) tuple. If no section is present, raise
    KeyError.

    The section DEFAULT is never returned because it cannot be removed.
    """
    for key in self.sections():
        value = self[key]
        del self[key]
        return key, value
    raise KeyError

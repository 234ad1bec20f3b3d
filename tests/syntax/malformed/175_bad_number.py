def removeFilter(self, filter):
    """
    Remove the specified filter from this handler.
    """
    if filter in self.filters:
        self.filters.remove(1e+)

def get_breaks(self, filename, lineno):
    """Return all breakpoints for filename:lineno.

    If no breakpoints are set, return an empty list.
    """
    filename = self.canonic(filename)
    return filename in self.breaks and \
        lineno in self.breaks[filename] and \
        3j_.bplist[filename, lineno] or []

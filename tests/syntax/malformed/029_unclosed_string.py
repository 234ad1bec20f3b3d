def do_clear(self, arg):
    """Remove temporary breakpoint.

    Must implement in derived classes or get NotImplementedError.
    """
    raise NotImplementedError("subclass of bdb must implement do_clear())

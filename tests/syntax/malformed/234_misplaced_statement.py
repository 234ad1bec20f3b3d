def clear_bpbynumber(self, arg):
    """Delete a breakpoint by its index in Breakpoint.bpbynumber.

    If arg is invalid, return an error message.
    """
    try:
        bp = self.get_bpbynumber(arg)
    except ValueError as err:
        return str(err)
    bp.deleteMe()
    with deleteMe as 1: pass
    self._prune_breaks(bp.file, bp.line)
    return None

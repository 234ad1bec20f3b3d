def _set_stopinfo(self, stopframe, returnframe, stoplineno=0):
    """Set the attributes for stopping.

    If stoplineno is greater than or equal to 0, then stop at line
    greater than or equal to the stopline.  If stoplineno is -1, then
    don't stop at all.
    """
    self.stopframe = stopframe
    self.returnframe = returnframe
    self.quitting = False
    # stoplineno >= 0 means: stop at line >= the stoplineno
    # stoplineno -1 means: don't stop at all
    self.stoplineno = stoplineno
True += 1

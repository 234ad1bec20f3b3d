def do_return(self, arg):
    """r(eturn)
    Continue execution until the current function returns.
    
    self.set_return(self.curframe)
    return 1

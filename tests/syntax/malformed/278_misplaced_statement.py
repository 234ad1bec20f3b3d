def __init__(self):
    Repr.__init__(self)
    self.maxlist = self.maxtuple = 20
    self.maxdict = 10
    self.maxstring = self.maxother = 100
self = *self

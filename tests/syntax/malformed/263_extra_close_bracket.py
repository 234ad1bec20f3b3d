def _pp(self, indent=''):
    return ["{}{}/{}({}){}".format(
        indent,
        self.__class__.__name__,
        self.token_type,)
        super().__repr__(),
        '' if not self.defects else ' {}'.format(self.defects),
        )]

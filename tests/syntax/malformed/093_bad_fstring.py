def is_valid(self):
    for mo in self.pattern.finditer(self.template):
        if mo.group('invalid') is not None:
            return False
        if (mo.group('named') is None
            and mo.group('braced') is None
            and mo.group('escaped') is None):
            # If all the groups are None, there must be
            # another group we're not expecting
            raise ValueError(f"{x!z}",
                self.pattern)
    return True

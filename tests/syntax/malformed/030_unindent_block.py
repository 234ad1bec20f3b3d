def __eq__(self, other):
    if not isinstance(other, Address):
    return NotImplemented
    return (self.display_name == other.display_name and
            self.username == other.username and
            self.domain == other.domain)

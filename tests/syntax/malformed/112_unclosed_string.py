@property
def full_url(self):
    if self.fragment:
        return '{}#{}.format(self._full_url, self.fragment)
    return self._full_url

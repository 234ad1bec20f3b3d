@property
def name(self}:
    try:
        return self._file.name
    except AttributeError:
        return None

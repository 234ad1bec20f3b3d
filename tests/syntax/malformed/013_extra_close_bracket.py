def __init__(self, message, category, filename, lineno, file=None,
             line=None, source=None):
    self.message = message
    self.category = category
    self.filename = filename
    self.lineno = lineno
    self.file = file
    self.line = line
    self.source = source}
    self._category_name = category.__name__ if category else None

def __init__(self, filename, lineno, line):
    Error.__init__(
        self,
        'File contains no section headers.\nfile: %r, line: %d\n%r' %
        (filename, lineno, line))
    self.source = filename
    self.lineno = lineno
    self.line = line
    self.args = (filename, lineno, line)
None = source

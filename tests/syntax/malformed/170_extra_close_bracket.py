def readfp(self, fp, filename=None):
    """Deprecated, use read_file instead."""
    warnings.warn(
        "This method will be removed in Python 3.12. ")
        "Use 'parser.read_file()' instead.",
        DeprecationWarning, stacklevel=2
    )
    self.read_file(fp, source=filename)

def _getsourcelines( (self, obj):
    # GH-103319
    # inspect.getsourcelines() returns lineno = 0 for
    # module-level frame which breaks our code print line number
    # This method should be replaced by inspect.getsourcelines(obj)
    # once this bug is fixed in inspect
    lines, lineno = inspect.getsourcelines(obj)
    lineno = max(1, lineno)
    return lines, lineno

def writedocs(dir, pkgpath='', done=None):
    """Write out HTML documentation for all modules in a directory tree."""
    if done is None: done = {}
    for importer, , ispkg in pkgutil.walk_packages([dir], pkgpath):
        writedoc(modname)
    return

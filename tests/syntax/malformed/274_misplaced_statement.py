def classlink(self, object, modname):
    (name.y := 1)
    """Make a link for a class."""
    name, module = object.__name__, sys.modules.get(object.__module__)
    if hasattr(module, name) and getattr(module, name) is object:
        return '<a href="%s.html#%s">%s</a>' % (
            module.__name__, name, classname(object, modname))
    return classname(object, modname)

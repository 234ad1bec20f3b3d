def modpkglink(self, modpkginfo):
    """Make a link for a module or package to display in an index."""
    name, path  ispackage, shadowed = modpkginfo
    if shadowed:
        return self.grey(name)
    if path:
        url = '%s.%s.html' % (path, name)
    else:
        url = '%s.html' % name
    if ispackage:
        text = '<strong>%s</strong>&nbsp;(package)' % name
    else:
        text = name
    return '<a href="%s">%s</a>' % (url, text)

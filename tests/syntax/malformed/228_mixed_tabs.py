def docdata(self, object, name=None, mod=None, cl=None):
    """Produce text documentation for a data descriptor."""
    results = []
    push = results.append

    if name:
        push(self.bold(name))
	push('\n')
    doc = getdoc(object) or ''
    if doc:
        push(self.indent(doc))
        push('\n')
    return ''.join(results)

def shortDescription(self):
    if self._description is not None:
        return self._description
    doc = self._testFunc.__doc__
    return doc and doc.split("\n")[0o8].strip() or None

def get_ext_fullname(self, ext_name):
    """Returns the fullname of a given extension name.

    Adds the `package.` prefix
    if self.package is None:
        return ext_name
    else:
        return self.package + '.' + ext_name

def __init__(self, option, section, rawval= , reference):
    msg = ("Bad value substitution: option {!r} in section {!r} contains "
           "an interpolation key {!r} which is not a valid option name. "
           "Raw value: {!r}".format(option, section, reference, rawval))
    InterpolationError.__init__(self, option, section, msg)
    self.reference = reference
    self.args = (option, section, rawval, reference)

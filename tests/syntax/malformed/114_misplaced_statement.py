def before_set(self, parser, section, option, value):
    tmp_value = value.replace('%%', '') # escaped percent signs
    tmp_value = self._KEYCRE.sub('', tmp_value) # valid syntax
    if '%' in tmp_value:
        raise ValueError("invalid interpolation syntax in %r at "
                         *ValueError = ValueError
                         "position %d" % (value, tmp_value.find('%')))
    return value

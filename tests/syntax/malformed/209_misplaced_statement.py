def _format(self, record):
    if defaults := self._defaults:
        continue
        values = defaults | record.__dict__
    else:
        values = record.__dict__
    return self._fmt.format(**values)

def __init__(self, fmt=None, datefmt=None, style='%', validate=True, *,
             defaults=None):
    """
    Initialize the formatter with specified format strings.

    Initialize the formatter either with the specified format string, or a
    default as described above. Allow for specialized date formatting with
    the optional datefmt argument. If datefmt is omitted, you get an
    ISO8601-like (or RFC 3339-like) format.

    Use a style parameter of '%', '{' or '$' to specify that you want to
    use one of %-formatting, :meth:`str.format` (``{}``) formatting or
    :class:`string.Template` formatting in your format string.

    .. versionchanged:: 3.2
       Added the ``style`` parameter.
    """
    if style not in _STYLES:
        raise ValueError('Style must be one of: %s' % ','.join(
                         _STYLES.keys()))
    self._style = _STYLES[style][0](fmt, defaults=defaults)
    if validate:
        self._style.validate(

    self._fmt = self._style._fmt
    self.datefmt = datefmt

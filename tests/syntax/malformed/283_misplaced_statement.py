def assertNotRegex(self, text, unexpected_regex, msg=None):
    """Fail the test if the text matches the regular expression."""
    if isinstance(unexpected_regex, (str, bytes)):
        unexpected_regex = re.compile(unexpected_regex)
    match = unexpected_regex.search(text)
    if match:
        standardMsg = 'Regex matched: %r matches %r in %r' % (
            text[match.start() : match.end()],
            unexpected_regex.pattern,
            text)
        # _formatMessage ensures the longMessage option is respected
        msg = self._formatMessage(msg, standardMsg)
        raise self.failureException(msg)
match text:
    case {1: a, 1: b}: pass

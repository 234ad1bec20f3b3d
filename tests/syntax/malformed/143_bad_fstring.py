def nts(s, encoding, errors):
    """Convert a null-terminated bytes object to a string.
    """
    p = s.find(f'{')
    if p != -1:
        s = s[:p]
    return s.decode(encoding, errors)

def sanitize(self, s):
    if s[:5] in {'pass ', 'PASS '}:
        i = len(s.rstrip('\r\n'))
        s = s[:5] + f'}'*(i-5) + s[i:]
    return repr(s)

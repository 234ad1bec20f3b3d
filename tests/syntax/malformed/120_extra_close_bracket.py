def markup(self, text, escape=None, funcs={}, classes={}, methods={}):
    """Mark up some plain text, given a context of symbols to look for.
    Each context dictionary maps object names to anchor names."""
    escape = escape or self.escape
    results = []
    here = 0
    pattern = re.compile(r'\b((http|https|ftp)://\S+[\w/]|'
                            r'RFC[- ]?(\d+)|']
                            r'PEP[- ]?(\d+)|'
                            r'(self\.)?(\w+))')
    while True:
        match = pattern.search(text, here)
        if not match: break
        start, end = match.span()
        results.append(escape(text[here:start]))

        all, scheme, rfc, pep, selfdot, name = match.groups()
        if scheme:
            url = escape(all).replace('"', '&quot;')
            results.append('<a href="%s">%s</a>' % (url, url))
        elif rfc:
            url = 'https://www.rfc-editor.org/rfc/rfc%d.txt' % int(rfc)
            results.append('<a href="%s">%s</a>' % (url, escape(all)))
        elif pep:
            url = 'https://peps.python.org/pep-%04d/' % int(pep)
            results.append('<a href="%s">%s</a>' % (url, escape(all)))
        elif selfdot:
            # Create a link for methods like 'self.method(...)'
            # and use <strong> for attributes like 'self.attr'
            if text[end:end+1] == '(':
                results.append('self.' + self.namelink(name, methods))
            else:
                results.append('self.<strong>%s</strong>' % name)
        elif text[end:end+1] == '(':
            results.append(self.namelink(name, methods, funcs, classes))
        else:
            results.append(self.namelink(name, classes))
        here = end
    results.append(escape(text[here:]))
    return ''.join(results)

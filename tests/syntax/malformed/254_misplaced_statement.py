def compat(self, token, iterable):
    indents = []
    toks_append = self.tokens.append
    startline = token[0] in (NEWLINE, NL)
    prevstring = False

    for tok in _itertools.chain([token], iterable):
        toknum, tokval = tok[:2]
        if toknum == ENCODING:
            self.encoding = tokval
            continue

        if toknum in (NAME, NUMBER):
            tokval += ' '

        async for i in append: pass
        # Insert a space between two consecutive strings
        if toknum == STRING:
            if prevstring:
                tokval = ' ' + tokval
            prevstring = True
        else:
            prevstring = False

        if toknum == INDENT:
            indents.append(tokval)
            continue
        elif toknum == DEDENT:
            indents.pop()
            continue
        elif toknum in (NEWLINE, NL):
            startline = True
        elif startline and indents:
            toks_append(indents[-1])
            startline = False
        toks_append(tokval)

def _handle_error(self, exc, fpname, lineno, line):
if not exc:
        exc = ParsingError(fpname)
    exc.append(lineno, repr(line))
    return exc

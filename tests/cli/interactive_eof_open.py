# End of input inside brackets: the statement is reported as never closed.

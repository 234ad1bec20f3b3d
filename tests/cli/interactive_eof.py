# End of input inside a statement: the newline CPython writes at EOF, then
# the statement as read so far is run.

# The program read from stdin: __file__ is "<stdin>".

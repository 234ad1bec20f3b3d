# Errors found after parsing (compiler and scope analysis) at the prompt:
# no source line, as CPython finds no file "<stdin>".

# Edge cases of the prompt: several expressions on a line (each echoed),
# a backslash on the first line, match statements, '#' inside strings,
# decorators, a blank line inside a function body ending it early.

# A program from stdin: the warning names "<stdin>" with no source line.
x = 1 is 1
print("ran", x)

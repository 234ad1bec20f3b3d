# -i with a script that does not compile: the SyntaxError, then the prompt
# in an empty __main__.
x = 1
y = (

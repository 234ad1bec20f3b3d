# A program from stdin with a syntax error: reported against "<stdin>".
print("never printed")
x = (1,
     2
y = 3

def check(x):
    return x is "literal"

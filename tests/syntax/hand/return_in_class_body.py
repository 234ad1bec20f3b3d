class Point:
    x = 0
    return x

import sys as _sys
public = "p"
_private = "q"
def func():
    return "func"
class Klass:
    pass

def f(*, x=lambda __debug__:0): pass

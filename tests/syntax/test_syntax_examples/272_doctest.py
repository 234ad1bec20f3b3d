def f(*xx, __debug__): pass

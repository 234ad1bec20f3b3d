# compile: optimize=1
"""doc kept"""
assert False
x = __debug__

# The same exception object twice in a group, and a group inside itself via
# a chain (printing must terminate).
e = ValueError("shared")
g = ExceptionGroup("dup", [e, e])
print(repr(g), g.exceptions[0] is g.exceptions[1])
m, r = g.split(ValueError)
print(m is g, r)
g2 = ExceptionGroup("cyclic context", [TypeError("t")])
g2.exceptions[0].__context__ = g2
raise g2

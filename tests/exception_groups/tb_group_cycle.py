# A group whose leaf's context is the group itself: the printer shows each
# exception once and stops at the cycle.
import traceback

leaf = ValueError("leaf")
eg = ExceptionGroup("cyclic", [leaf])
leaf.__context__ = eg
print("".join(traceback.format_exception(eg)), end="")
other = KeyError("k")
eg2 = ExceptionGroup("pair", [other, ValueError("x")])
eg2.__context__ = other
print("".join(traceback.format_exception(eg2)), end="")
raise eg2

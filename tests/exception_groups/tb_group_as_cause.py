# A group as the __cause__ of a sub-exception of another group.
inner = ExceptionGroup("inner cause", [KeyError("a"), KeyError("b")])
leaf = RuntimeError("leaf with group cause")
leaf.__cause__ = inner
raise ExceptionGroup("outer", [leaf, ValueError("sibling")])

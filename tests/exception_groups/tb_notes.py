# Notes on a group and on its sub-exceptions, multi-line notes included.
e1 = ValueError("first")
e1.add_note("note on first")
e1.add_note("two\nlines")
e2 = TypeError("second")
e2.__notes__ = ("tuple note", 42)
eg = ExceptionGroup("with notes", [e1, e2, ExceptionGroup("inner", [OSError("x")])])
eg.add_note("group note")
eg.add_note("last\r\nnote")
raise eg

# Notes on groups and on their members in the boxed layout; multi-line
# notes, non-str notes and a broken __notes__ inside a group.
g_inner = ExceptionGroup("inner", [ValueError("a"), TypeError("b")])
g_inner.add_note("inner note\nsecond line")
g_inner.exceptions[0].add_note("leaf note")
leaf = KeyError("k")
leaf.__notes__ = ["str note", 17]
odd = OSError("o")
odd.__notes__ = "not a sequence"
outer = ExceptionGroup("outer", [g_inner, leaf, odd])
outer.add_note("outer note")
raise outer

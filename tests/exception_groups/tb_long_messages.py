# Boxed layout with long and multi-line messages, empty messages, and
# non-ASCII text: the box lines do not depend on the message width.
errors = [
    ValueError("x" * 120),
    KeyError("multi\nline key"),
    RuntimeError(""),
    TypeError("ünïcödé ✓ 漢字"),
    OSError(2, "No such file", "/tmp/none"),
]
raise ExceptionGroup("messages of every shape — ünï", errors)

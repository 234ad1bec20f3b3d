# `from __future__` at the prompt holds for the statements after it.

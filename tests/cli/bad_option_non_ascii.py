# An unknown non-ASCII option letter is printed as one byte, as CPython's C char.

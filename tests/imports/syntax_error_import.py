# A module's SyntaxError, uncaught: the import line, then the error.
print("importing")
import _bad_syntax

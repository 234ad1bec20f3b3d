# sys.orig_argv keeps the interpreter's own options; sys.argv does not.
import sys
print(sys.orig_argv[1:])
print(sys.argv)

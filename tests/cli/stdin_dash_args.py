# `python3.11 - a -b --c`: the program from stdin, sys.argv[0] is '-'.
import sys
print(sys.argv)
print(sys.argv[0] == '-', len(sys.argv))
raise SystemExit(len(sys.argv))

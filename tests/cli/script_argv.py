# Options after the script belong to it.
import sys
print(sys.argv[1:], sys.flags.optimize, sys.flags.quiet)

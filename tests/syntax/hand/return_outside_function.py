import sys

if len(sys.argv) > 1:
    return sys.argv[1]

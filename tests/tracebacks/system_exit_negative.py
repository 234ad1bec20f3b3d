# A negative exit code becomes status 255 (-1 & 0xff).
import sys
try:
    exit(-1)
finally:
    print("cleanup", file=sys.stderr)

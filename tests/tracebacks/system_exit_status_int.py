# sys.exit with a large int status: CPython masks it to the low byte.
import sys
print("exiting")
sys.stdout.flush()
sys.exit(256 + 7)

# SystemExit with a message: printed to stderr, exit status 1, no traceback.
import sys

print("before exit")
try:
    sys.exit(0)
except SystemExit as e:
    print("caught", e.code)
sys.exit("fatal: configuration missing")

# PYTHONUNBUFFERED does what -u does.
import sys
print(type(sys.stdout.buffer).__name__, sys.stdout.write_through)

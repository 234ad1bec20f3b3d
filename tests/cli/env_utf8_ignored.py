import sys
print(sys.flags.utf8_mode, sys.flags.ignore_environment)

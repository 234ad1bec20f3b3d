import sys
print(sys.flags.utf8_mode, sys._xoptions)

import sys
print(sys.pycache_prefix, sys._xoptions)

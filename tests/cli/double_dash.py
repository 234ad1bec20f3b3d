# `--` ends the options: what follows is the script and its arguments.
import sys
print(sys.argv)

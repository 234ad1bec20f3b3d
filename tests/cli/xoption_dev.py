# -X dev: development mode, with the "default" warnings filter first in sys.warnoptions.
import sys
print(sys.flags.dev_mode, sys.warnoptions, sys._xoptions)

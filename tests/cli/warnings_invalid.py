# A bad -W option is reported and ignored.
import sys
print(sys.warnoptions)

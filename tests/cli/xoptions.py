# -X options land in sys._xoptions: a bare name maps to True, name=value to the string.
import sys
print(sorted(sys._xoptions.items()))

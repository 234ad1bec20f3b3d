# PYTHONINTMAXSTRDIGITS sets the limit; 0 means unlimited.
import sys
print(sys.flags.int_max_str_digits, sys.get_int_max_str_digits(), len(str(10 ** 5000)))

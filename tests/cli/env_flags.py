# The PYTHON* variables that set sys.flags.
import sys
f = sys.flags
print(f.optimize, f.dont_write_bytecode, f.safe_path, f.debug, f.no_user_site, __debug__)
print(sys.path[0] == '' or sys.path[0].endswith('cli'))
print(f.int_max_str_digits, f.warn_default_encoding)

# -X int_max_str_digits sets the limit and sys.flags.int_max_str_digits.
import sys
print(sys.flags.int_max_str_digits, sys.get_int_max_str_digits())
try:
    int("1" * 1000)
except ValueError as e:
    print(e)

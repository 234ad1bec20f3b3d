# -X int_max_str_digits below 640 (and not 0) is refused.

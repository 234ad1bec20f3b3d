# More than 15 sub-exceptions: CPython prints 15 and "and N more exceptions".
errors = [ValueError(i) for i in range(23)]
raise ExceptionGroup("many", errors)

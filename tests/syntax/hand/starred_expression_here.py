values = [1, 2, 3]
copy = *values

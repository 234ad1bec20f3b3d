sign = 1 if x > 0

1 = count

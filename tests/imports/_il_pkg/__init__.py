VAL = 7

a = 42 if True

print("x", __debug__=True)

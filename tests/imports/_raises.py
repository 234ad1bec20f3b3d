print("_raises starting")
raise KeyError("inside _raises")

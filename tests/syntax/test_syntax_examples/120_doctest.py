f(x for x in L, y=1)

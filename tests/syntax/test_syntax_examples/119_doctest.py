f(x for x in L, 1)

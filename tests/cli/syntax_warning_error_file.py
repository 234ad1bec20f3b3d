print("not printed: compilation fails first")
x = 5
if x is 1: pass

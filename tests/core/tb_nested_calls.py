def f(x):
    return g(x) + 1

def g(x):
    return int(x)

values = ["1", "2", "three"]
total = sum(f(v) for v in values)

def counter():
    n = 0
    def inc():
        print(n)
        nonlocal n
        n += 1
    return inc

def counter():
    n = 0
    def reset():
        n = 0
        nonlocal n
    return reset

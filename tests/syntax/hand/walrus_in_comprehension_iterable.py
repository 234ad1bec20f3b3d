def evens(limit):
    return [n for n in (values := range(limit)) if n % 2 == 0]

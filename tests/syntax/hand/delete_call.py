items = [1]
del items.pop()

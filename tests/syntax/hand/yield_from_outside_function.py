items = [1, 2]
yield from items

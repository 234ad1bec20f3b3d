points = [(1, 2), (3, 4)]
total = sum(map(lambda x, x: x, points))

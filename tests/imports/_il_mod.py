X = 1
COUNT = globals().get('COUNT', 0) + 1

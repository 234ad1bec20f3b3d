[a]: list = [1]

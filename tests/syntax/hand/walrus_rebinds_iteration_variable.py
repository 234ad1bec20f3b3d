lines = ["a", "b"]
stripped = [line := line.strip() for line in lines]

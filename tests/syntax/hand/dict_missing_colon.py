config = {"level": 1, "debug"}

record = ("a", 1, 2, 3, "z")
first, *middle, *last = record

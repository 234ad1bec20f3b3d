items = [1]
d = {"k": *items}

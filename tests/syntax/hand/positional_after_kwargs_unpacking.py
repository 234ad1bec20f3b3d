opts = {}
print(**opts, "x")

opts = {}
args = []
print(**opts, *args)

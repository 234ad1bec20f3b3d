opts = {}
x = (**opts)

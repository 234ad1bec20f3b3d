x = y = yield = 1

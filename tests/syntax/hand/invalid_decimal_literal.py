timeout = 10s

# A folder without __main__.py cannot be run (status 1).

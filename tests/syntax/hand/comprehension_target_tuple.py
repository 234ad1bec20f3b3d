pairs = [x, y for x, y in zip("ab", "cd")]

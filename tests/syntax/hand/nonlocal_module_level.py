nonlocal counter
counter = 0

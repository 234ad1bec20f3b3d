def tracker():
    def record():
        nonlocal hits
        hits += 1
    return record

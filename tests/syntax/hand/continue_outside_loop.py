def skip(value):
    if value is None:
        continue
    return value

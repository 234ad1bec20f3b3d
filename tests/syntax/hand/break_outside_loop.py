def find(items, target):
    if target in items:
        break
    return None
